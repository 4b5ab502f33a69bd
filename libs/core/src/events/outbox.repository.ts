import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedCount, returnedRows } from '../database/sql-results';

/** One event as the relay claims it. */
export interface OutboxEvent {
  id: string;
  seq: string;
  name: string;
  aggregateId: string | null;
  payload: unknown;
  occurredAt: Date;
  /** Listeners (`Class.method`) that already handled it on an earlier attempt. */
  doneListeners: string[];
  attempts: number;
  requestId: string | null;
}

export interface NewOutboxEvent {
  name: string;
  aggregateId: string | null;
  payload: unknown;
  requestId: string | null;
}

const COLUMNS = `id, seq::text AS seq, name, aggregate_id AS "aggregateId", payload,
  occurred_at AS "occurredAt", done_listeners AS "doneListeners", attempts,
  request_id AS "requestId"`;

/**
 * A row may be claimed when it is undelivered, due, not leased by a live relay, and no earlier
 * undelivered event of its aggregate exists (events of one aggregate go out in order).
 */
const CLAIMABLE = `o.delivered_at IS NULL
  AND o.next_attempt_at <= now()
  AND (o.locked_until IS NULL OR o.locked_until < now())
  AND (o.aggregate_id IS NULL OR NOT EXISTS (
    SELECT 1 FROM outbox_events p
     WHERE p.aggregate_id = o.aggregate_id AND p.delivered_at IS NULL AND p.seq < o.seq))`;

/** Every statement on `outbox_events`. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the event in the caller's transaction (`em`); returns its id. */
  async insert(em: EntityManager, e: NewOutboxEvent): Promise<string> {
    const rows = returnedRows<{ id: string }>(
      await em.query(
        `INSERT INTO outbox_events (name, aggregate_id, payload, request_id)
         VALUES ($1, $2, $3::jsonb, $4) RETURNING id`,
        [e.name, e.aggregateId, JSON.stringify(e.payload ?? null), e.requestId],
      ),
    );
    return rows[0].id;
  }

  /** Leases the given events (those still claimable), in sequence order. */
  async claimByIds(ids: string[], leaseMs: number): Promise<OutboxEvent[]> {
    if (!ids.length) return [];
    const rows = returnedRows<OutboxEvent>(
      await this.dataSource.query(
        `UPDATE outbox_events o
            SET locked_until = now() + ($2 || ' milliseconds')::interval, attempts = attempts + 1
          WHERE o.id = ANY($1::uuid[]) AND ${CLAIMABLE}
          RETURNING ${COLUMNS}`,
        [ids, String(leaseMs)],
      ),
    );
    return sortBySeq(rows);
  }

  /**
   * Leases the oldest undelivered event of the aggregate if it is claimable (due, not leased):
   * the fast path delivers an aggregate's events from its head, so it never overtakes one.
   */
  async claimHead(aggregateId: string, leaseMs: number): Promise<OutboxEvent | undefined> {
    const rows = returnedRows<OutboxEvent>(
      await this.dataSource.query(
        `UPDATE outbox_events o
            SET locked_until = now() + ($2 || ' milliseconds')::interval, attempts = attempts + 1
          WHERE o.id = (SELECT h.id FROM outbox_events h
                         WHERE h.aggregate_id = $1 AND h.delivered_at IS NULL
                         ORDER BY h.seq LIMIT 1)
            AND ${CLAIMABLE}
          RETURNING ${COLUMNS}`,
        [aggregateId, String(leaseMs)],
      ),
    );
    return rows[0];
  }

  /**
   * Leases up to `limit` due events; rows another relay is claiming right now are skipped
   * (`SKIP LOCKED`), so several api instances share the work instead of repeating it.
   */
  async claimDue(limit: number, leaseMs: number): Promise<OutboxEvent[]> {
    const rows = returnedRows<OutboxEvent>(
      await this.dataSource.query(
        `WITH due AS (
           SELECT o.id FROM outbox_events o
            WHERE ${CLAIMABLE}
            ORDER BY o.seq
            LIMIT ${Number(limit)}
            FOR UPDATE SKIP LOCKED)
         UPDATE outbox_events t
            SET locked_until = now() + ($1 || ' milliseconds')::interval, attempts = t.attempts + 1
           FROM due WHERE t.id = due.id
         RETURNING t.id, t.seq::text AS seq, t.name, t.aggregate_id AS "aggregateId", t.payload,
           t.occurred_at AS "occurredAt", t.done_listeners AS "doneListeners", t.attempts,
           t.request_id AS "requestId"`,
        [String(leaseMs)],
      ),
    );
    return sortBySeq(rows);
  }

  /** `done`: every listener that handled it (kept for inspection until the row is pruned). */
  async markDelivered(id: string, done: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_events
          SET delivered_at = now(), locked_until = NULL, last_error = NULL,
              done_listeners = $2::text[]
        WHERE id = $1`,
      [id, done],
    );
  }

  /** Records which listeners are done and schedules the next attempt for the others. */
  async markFailed(id: string, done: string[], error: string, retryInMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_events
          SET done_listeners = $2::text[], last_error = $3, locked_until = NULL,
              next_attempt_at = now() + ($4 || ' milliseconds')::interval
        WHERE id = $1 AND delivered_at IS NULL`,
      [id, done, error.slice(0, 1000), String(retryInMs)],
    );
  }

  /** Deletes delivered rows older than the retention, a bounded batch at a time. */
  async pruneDelivered(retentionMs: number, batch = 5000): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `DELETE FROM outbox_events WHERE id IN (
           SELECT id FROM outbox_events
            WHERE delivered_at IS NOT NULL
              AND delivered_at < now() - ($1 || ' milliseconds')::interval
            LIMIT ${Number(batch)})`,
        [String(retentionMs)],
      ),
    );
  }

  /** Undelivered rows and the age of the oldest, for the metrics. */
  async pendingStats(): Promise<{ pending: number; oldestSeconds: number }> {
    const rows = returnedRows<{ pending: number; oldest: number | null }>(
      await this.dataSource.query(
        `SELECT count(*)::int AS pending,
                extract(epoch FROM now() - min(occurred_at))::float8 AS oldest
           FROM outbox_events WHERE delivered_at IS NULL`,
      ),
    );
    return { pending: rows[0]?.pending ?? 0, oldestSeconds: Math.max(0, rows[0]?.oldest ?? 0) };
  }

  async findById(
    id: string,
  ): Promise<(OutboxEvent & { deliveredAt: Date | null; lastError: string | null }) | undefined> {
    const rows = returnedRows<OutboxEvent & { deliveredAt: Date | null; lastError: string | null }>(
      await this.dataSource.query(
        `SELECT ${COLUMNS}, delivered_at AS "deliveredAt", last_error AS "lastError"
           FROM outbox_events WHERE id = $1`,
        [id],
      ),
    );
    return rows[0];
  }
}

function sortBySeq(rows: OutboxEvent[]): OutboxEvent[] {
  return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
}
