import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount, ISO_MICROS, KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { NewNotification, NotificationType, NotificationView } from '../notification.types';

interface NotificationRow {
  id: string;
  seq: string;
  recipient_id: string;
  type: NotificationType;
  actor_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  data: Record<string, unknown>;
  read_at: string | null;
  created_at: string;
}

/** A stored notification with its recipient (the API view leaves the recipient out). */
export interface StoredNotification extends NotificationView {
  recipientId: string;
}

const COLUMNS = `id, seq, recipient_id, type, actor_id, subject_type, subject_id, data,
  to_char(read_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS read_at,
  to_char(created_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS created_at`;

export const toStored = (r: NotificationRow): StoredNotification => ({
  id: r.id,
  seq: Number(r.seq),
  recipientId: r.recipient_id,
  type: r.type,
  actorId: r.actor_id,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  data: r.data ?? {},
  read: r.read_at !== null,
  readAt: r.read_at,
  createdAt: r.created_at,
});

export interface PageFilter {
  unread: boolean;
  type?: NotificationType;
}

/** Every statement on `notifications`. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One multi-row insert (arrays unnested: one statement text whatever the batch size). Rows whose
   * (recipient, dedup key) exists are skipped; only the new ones are returned.
   */
  async insertMany(rows: NewNotification[], em?: EntityManager): Promise<StoredNotification[]> {
    if (!rows.length) return [];
    const col = <K extends keyof NewNotification>(k: K) => rows.map((r) => r[k]);
    const result = await (em ?? this.dataSource).query(
      `INSERT INTO notifications
         (recipient_id, type, actor_id, subject_type, subject_id, data, source_event_id, dedup_key)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::varchar[],
                            $6::jsonb[], $7::uuid[], $8::varchar[])
        -- A one-time filter, run before any seq is taken: the transaction has its id by then,
        -- so a stream's snapshot sees it in progress (notification-streams.ts, watermark).
        WHERE pg_current_xact_id() IS NOT NULL
       ON CONFLICT (recipient_id, dedup_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        col('recipientId'),
        col('type'),
        col('actorId'),
        col('subjectType'),
        col('subjectId'),
        rows.map((r) => JSON.stringify(r.data)),
        col('sourceEventId'),
        col('dedupKey'),
      ],
    );
    return returnedRows<NotificationRow>(result).map(toStored);
  }

  /**
   * The fan-out's insert: one notification for many recipients, the shared fields sent once
   * (the payload is the id array, not N copies of the data). Returns the recipients written.
   * In recipient order: four of the indexes lead with the recipient, so consecutive rows land on
   * neighbouring index pages.
   */
  async insertForRecipients(
    recipientIds: string[],
    n: Omit<NewNotification, 'recipientId'>,
    em?: EntityManager,
  ): Promise<string[]> {
    if (!recipientIds.length) return [];
    const rows = returnedRows<{ recipient_id: string }>(
      await (em ?? this.dataSource).query(
        `INSERT INTO notifications
           (recipient_id, type, actor_id, subject_type, subject_id, data, source_event_id, dedup_key)
         SELECT r, $2, $3, $4, $5, $6::jsonb, $7, $8 FROM unnest($1::uuid[]) AS r ORDER BY r
         ON CONFLICT (recipient_id, dedup_key) DO NOTHING
         RETURNING recipient_id`,
        [
          recipientIds,
          n.type,
          n.actorId,
          n.subjectType,
          n.subjectId,
          JSON.stringify(n.data),
          n.sourceEventId,
          n.dedupKey,
        ],
      ),
    );
    return rows.map((r) => r.recipient_id);
  }

  /** Newest first after `after`; `limit + 1` rows so the caller knows whether there is more. */
  async page(
    recipientId: string,
    limit: number,
    filter: PageFilter,
    after?: KeysetPosition,
  ): Promise<StoredNotification[]> {
    const params: unknown[] = [recipientId];
    const where = ['recipient_id = $1'];
    if (filter.unread) where.push('read_at IS NULL');
    if (filter.type) {
      params.push(filter.type);
      where.push(`type = $${params.length}`);
    }
    if (after) {
      params.push(after.at, after.id);
      where.push(
        `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows = returnedRows<NotificationRow>(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM notifications WHERE ${where.join(' AND ')}
          ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
        params,
      ),
    );
    return rows.map(toStored);
  }

  async unreadCount(recipientId: string): Promise<number> {
    const rows = returnedRows<{ n: string }>(
      await this.dataSource.query(
        `SELECT count(*) AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`,
        [recipientId],
      ),
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Whether the recipient has this notification (read now if it was not). */
  async markRead(recipientId: string, id: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `WITH target AS (SELECT id FROM notifications WHERE id = $2 AND recipient_id = $1),
              updated AS (UPDATE notifications SET read_at = now()
                           WHERE id IN (SELECT id FROM target) AND read_at IS NULL)
         SELECT id FROM target`,
        [recipientId, id],
      ),
    );
    return rows.length > 0;
  }

  async markAllRead(recipientId: string): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`,
        [recipientId],
      ),
    );
  }

  async delete(recipientId: string, id: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `DELETE FROM notifications WHERE id = $2 AND recipient_id = $1 RETURNING id`,
        [recipientId, id],
      ),
    );
    return rows.length > 0;
  }

  /** The recipient's notifications after stream position `afterSeq`, oldest first. */
  async since(recipientId: string, afterSeq: number, limit: number): Promise<StoredNotification[]> {
    const rows = returnedRows<NotificationRow>(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM notifications WHERE recipient_id = $1 AND seq > $2
          ORDER BY seq LIMIT $3`,
        [recipientId, afterSeq, limit],
      ),
    );
    return rows.map(toStored);
  }

  /**
   * The recipient's rows after `afterSeq` (oldest first) and, from the same snapshot, its xmin
   * and xmax: every transaction below xmin has ended; those from xmin on may still commit rows
   * with a lower seq than rows already visible (the stream's watermark).
   */
  async sinceWithSnapshot(
    recipientId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ rows: StoredNotification[]; xmin: number; xmax: number }> {
    const result = returnedRows<NotificationRow & { snap_xmin: string; snap_xmax: string }>(
      await this.dataSource.query(
        `WITH snap AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS snap_xmin,
                              pg_snapshot_xmax(pg_current_snapshot())::text AS snap_xmax)
         SELECT snap.snap_xmin, snap.snap_xmax, n.* FROM snap LEFT JOIN LATERAL (
           SELECT ${COLUMNS} FROM notifications WHERE recipient_id = $1 AND seq > $2
            ORDER BY seq LIMIT $3) n ON true`,
        [recipientId, afterSeq, limit],
      ),
    );
    return {
      rows: result.filter((r) => r.id !== null).map(toStored),
      xmin: Number(result[0]?.snap_xmin ?? 0),
      xmax: Number(result[0]?.snap_xmax ?? 0),
    };
  }

  /** The recipient's latest stream position (0 when none). */
  async lastSeq(recipientId: string): Promise<number> {
    const rows = returnedRows<{ seq: string | null }>(
      await this.dataSource.query(
        `SELECT max(seq) AS seq FROM notifications WHERE recipient_id = $1`,
        [recipientId],
      ),
    );
    return Number(rows[0]?.seq ?? 0);
  }

  /** Unread notifications created in [since, until), newest first, of the given types. */
  async unreadSince(
    recipientId: string,
    since: Date,
    types: NotificationType[],
    limit: number,
    until: Date,
  ): Promise<StoredNotification[]> {
    const rows = returnedRows<NotificationRow>(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM notifications
          WHERE recipient_id = $1 AND read_at IS NULL AND created_at >= $2 AND created_at < $5
            AND type = ANY($3::varchar[])
          ORDER BY created_at DESC, id DESC LIMIT $4`,
        [recipientId, since, types, limit, until],
      ),
    );
    return rows.map(toStored);
  }

  /** Rows of one source event (tests and the fan-out's progress). */
  async countForEvent(sourceEventId: string): Promise<number> {
    const rows = returnedRows<{ n: string }>(
      await this.dataSource.query(
        `SELECT count(*) AS n FROM notifications WHERE source_event_id = $1`,
        [sourceEventId],
      ),
    );
    return Number(rows[0]?.n ?? 0);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM notifications WHERE recipient_id = $1`, [userId]);
  }
}
