import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';

export interface Fanout {
  eventId: string;
  authorId: string;
  articleId: string;
  /** What each notification shows (title, slug, author name), fixed when the fan-out starts. */
  data: Record<string, unknown>;
  cursor: KeysetPosition | null;
  delivered: number;
  done: boolean;
}

interface FanoutRow {
  event_id: string;
  author_id: string;
  article_id: string;
  data: Record<string, unknown>;
  cursor_at: string | null;
  cursor_id: string | null;
  delivered: number;
  done_at: Date | null;
}

const toFanout = (r: FanoutRow): Fanout => ({
  eventId: r.event_id,
  authorId: r.author_id,
  articleId: r.article_id,
  data: r.data ?? {},
  cursor: r.cursor_at && r.cursor_id ? { at: r.cursor_at, id: r.cursor_id } : null,
  delivered: Number(r.delivered),
  done: r.done_at !== null,
});

/** Every statement on `notification_fanouts` (the checkpoint of each fan-out). */
@Injectable()
export class FanoutsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a fan-out once per event (a repeated event finds it there). */
  async start(
    eventId: string,
    authorId: string,
    articleId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_fanouts (event_id, author_id, article_id, data)
       VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
      [eventId, authorId, articleId, JSON.stringify(data)],
    );
  }

  /** The checkpoint, locked until the transaction ends (one runner per fan-out at a time). */
  async lock(eventId: string, em: EntityManager): Promise<Fanout | undefined> {
    const rows = returnedRows<FanoutRow>(
      await em.query(`SELECT * FROM notification_fanouts WHERE event_id = $1 FOR UPDATE`, [
        eventId,
      ]),
    );
    return rows[0] && toFanout(rows[0]);
  }

  async find(eventId: string): Promise<Fanout | undefined> {
    const rows = returnedRows<FanoutRow>(
      await this.dataSource.query(`SELECT * FROM notification_fanouts WHERE event_id = $1`, [
        eventId,
      ]),
    );
    return rows[0] && toFanout(rows[0]);
  }

  async advance(
    eventId: string,
    cursor: KeysetPosition | null,
    delivered: number,
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `UPDATE notification_fanouts
          SET cursor_at = $2, cursor_id = $3, delivered = delivered + $4,
              done_at = CASE WHEN $2::varchar IS NULL THEN now() END, updated_at = now()
        WHERE event_id = $1`,
      [eventId, cursor?.at ?? null, cursor?.id ?? null, delivered],
    );
  }

  /** Fan-outs not finished (their job may have been lost with an in-process queue). */
  async unfinished(limit: number): Promise<string[]> {
    const rows = returnedRows<{ event_id: string }>(
      await this.dataSource.query(
        `SELECT event_id FROM notification_fanouts WHERE done_at IS NULL ORDER BY created_at LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((r) => r.event_id);
  }
}
