import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { Channel, DigestFrequency, NotificationType } from '../notification.types';

export interface PreferenceRow {
  userId: string;
  type: NotificationType;
  channel: Channel;
  enabled: boolean;
}

/** Every statement on `notification_preferences` and `notification_settings`. */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The explicit choices of these users (absent = the type's default). */
  async choicesOf(userIds: string[]): Promise<PreferenceRow[]> {
    if (!userIds.length) return [];
    return returnedRows<PreferenceRow>(
      await this.dataSource.query(
        `SELECT user_id AS "userId", type, channel, enabled FROM notification_preferences
          WHERE user_id = ANY($1::uuid[])`,
        [userIds],
      ),
    );
  }

  async upsert(rows: PreferenceRow[], em: EntityManager): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `INSERT INTO notification_preferences (user_id, type, channel, enabled)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::boolean[])
       ON CONFLICT (user_id, type, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [
        rows.map((r) => r.userId),
        rows.map((r) => r.type),
        rows.map((r) => r.channel),
        rows.map((r) => r.enabled),
      ],
    );
  }

  async digestOf(userId: string): Promise<DigestFrequency> {
    const rows = returnedRows<{ digest: DigestFrequency }>(
      await this.dataSource.query(`SELECT digest FROM notification_settings WHERE user_id = $1`, [
        userId,
      ]),
    );
    return rows[0]?.digest ?? 'off';
  }

  async setDigest(userId: string, digest: DigestFrequency, em: EntityManager): Promise<void> {
    await em.query(
      `INSERT INTO notification_settings (user_id, digest) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest, updated_at = now()`,
      [userId, digest],
    );
  }

  /** Users who chose this digest frequency, in id pages. */
  async digestSubscribers(
    frequency: 'daily' | 'weekly',
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows = returnedRows<{ user_id: string }>(
      await this.dataSource.query(
        `SELECT user_id FROM notification_settings
          WHERE digest = $1 AND ($2::uuid IS NULL OR user_id > $2::uuid)
          ORDER BY user_id LIMIT $3`,
        [frequency, afterId, limit],
      ),
    );
    return rows.map((r) => r.user_id);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [
      userId,
    ]);
    await this.dataSource.query(`DELETE FROM notification_settings WHERE user_id = $1`, [userId]);
  }
}
