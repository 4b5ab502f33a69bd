import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount } from '@nexus/core';
import { DataSource } from 'typeorm';
import { unnestRows } from '../db/unnest-rows';

export interface LoginEventInput {
  eventId: string;
  at: Date;
  ip: string;
  userId: string | null;
  success: boolean;
  /** Keyed hash of the identifier submitted on a failed login (never the identifier itself). */
  identifierHash?: string | null;
}

/** Every write of `security_login_events` (the rules read it in AnomalyRepository). */
@Injectable()
export class LoginEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts events; one already recorded (same event id) is skipped. */
  async insert(events: LoginEventInput[]): Promise<void> {
    if (!events.length) return;
    const u = unnestRows(
      events,
      'event_id uuid, at timestamptz, ip inet, user_id uuid, success bool, identifier_hash text',
    );
    await this.dataSource.query(
      `INSERT INTO security_login_events (${u.columns}) ${u.select}
       ON CONFLICT (event_id) DO NOTHING`,
      u.params,
    );
  }

  async pruneBefore(before: Date): Promise<number> {
    return affectedCount(
      await this.dataSource.query(`DELETE FROM security_login_events WHERE at < $1`, [
        before.toISOString(),
      ]),
    );
  }
}
