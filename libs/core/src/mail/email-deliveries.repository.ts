import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returnedRows } from '../database/sql-results';
import { ISO_MICROS, KeysetPosition } from '../http/keyset-cursors';

export type EmailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'dead';

/** One email to send; the row is the source of truth, the queue job only carries its id. */
export interface EmailDelivery {
  id: string;
  idempotencyKey: string;
  to: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  requestId: string | null;
  sentAt: Date | null;
  /** Extra headers sent with the email (e.g. List-Unsubscribe); null when none. */
  headers: Record<string, string> | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewEmailDelivery = Pick<
  EmailDelivery,
  'idempotencyKey' | 'to' | 'template' | 'subject' | 'html' | 'text' | 'requestId'
> & { headers?: Record<string, string> | null };

/** What the sender needs of a claimed delivery. */
export type ClaimedEmail = Pick<
  EmailDelivery,
  'id' | 'to' | 'subject' | 'html' | 'text' | 'headers'
>;

const COLUMNS = `id, idempotency_key AS "idempotencyKey", to_address AS "to", template, subject,
  html, text, status, attempts, last_error AS "lastError", message_id AS "messageId",
  request_id AS "requestId", sent_at AS "sentAt", created_at AS "createdAt",
  updated_at AS "updatedAt", headers`;

/** A delivery stuck in `sending` this long belonged to a worker that died mid-send. */
const STALE_SENDING = '10 minutes';

/** Every statement on `email_deliveries`. */
@Injectable()
export class EmailDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a queued delivery; `undefined` when one with the same idempotency key exists. */
  async insertIfAbsent(d: NewEmailDelivery): Promise<EmailDelivery | undefined> {
    const rows = returnedRows<EmailDelivery>(
      await this.dataSource.query(
        `INSERT INTO email_deliveries
           (idempotency_key, to_address, template, subject, html, text, request_id, headers)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          d.idempotencyKey,
          d.to,
          d.template,
          d.subject,
          d.html,
          d.text,
          d.requestId,
          d.headers ? JSON.stringify(d.headers) : null,
        ],
      ),
    );
    return rows[0];
  }

  async findById(id: string): Promise<EmailDelivery | undefined> {
    const rows = returnedRows<EmailDelivery>(
      await this.dataSource.query(`SELECT ${COLUMNS} FROM email_deliveries WHERE id = $1`, [id]),
    );
    return rows[0];
  }

  async findByIdempotencyKey(key: string): Promise<EmailDelivery | undefined> {
    const rows = returnedRows<EmailDelivery>(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM email_deliveries WHERE idempotency_key = $1`,
        [key],
      ),
    );
    return rows[0];
  }

  async count(): Promise<number> {
    const rows = returnedRows<{ n: number }>(
      await this.dataSource.query(`SELECT count(*)::int AS n FROM email_deliveries`),
    );
    return rows[0]?.n ?? 0;
  }

  /** Ids of deliveries queued or waiting for a retry, untouched for `olderThanMs`. */
  async dueForRelay(olderThanMs: number, limit = 500): Promise<string[]> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `SELECT id FROM email_deliveries
          WHERE status IN ('queued', 'failed')
            AND updated_at <= now() - ($1 || ' milliseconds')::interval
          ORDER BY created_at LIMIT ${Number(limit)}`,
        [String(olderThanMs)],
      ),
    );
    return rows.map((r) => r.id);
  }

  /**
   * Atomically moves a delivery to `sending` (from queued/failed, or from a `sending` left by a
   * dead worker) and counts the attempt; `undefined` when it is sent, in progress or dead.
   */
  async claim(id: string): Promise<ClaimedEmail | undefined> {
    const rows = returnedRows<ClaimedEmail>(
      await this.dataSource.query(
        `UPDATE email_deliveries
            SET status = 'sending', attempts = attempts + 1, updated_at = now()
          WHERE id = $1
            AND (status IN ('queued', 'failed')
                 OR (status = 'sending' AND updated_at < now() - interval '${STALE_SENDING}'))
          RETURNING id, to_address AS "to", subject, html, text, headers`,
        [id],
      ),
    );
    return rows[0];
  }

  async markSent(id: string, messageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_deliveries
          SET status = 'sent', sent_at = now(), message_id = $2, last_error = NULL,
              updated_at = now()
        WHERE id = $1`,
      [id, messageId],
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'failed', last_error = $2, updated_at = now()
        WHERE id = $1`,
      [id, error.slice(0, 1000)],
    );
  }

  /**
   * One page of deliveries (optionally of one status), most recently changed first; keyset on
   * (updated_at, id), `limit + 1` rows so the caller sees whether more exist. `position` is
   * `updated_at` to the microsecond.
   */
  async page(
    status: EmailStatus | undefined,
    limit: number,
    after?: KeysetPosition,
  ): Promise<(EmailDelivery & { position: string })[]> {
    const params: unknown[] = [status ?? null];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = `AND (updated_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    return returnedRows<EmailDelivery & { position: string }>(
      await this.dataSource.query(
        `SELECT ${COLUMNS}, to_char(updated_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS position
           FROM email_deliveries
          WHERE ($1::varchar IS NULL OR status = $1) ${keyset}
          ORDER BY updated_at DESC, id DESC
          LIMIT ${Number(limit) + 1}`,
        params,
      ),
    );
  }

  /** Deliveries per status (every status present, zeros included). */
  async countByStatus(): Promise<Record<EmailStatus, number>> {
    const rows = returnedRows<{ status: EmailStatus; n: number }>(
      await this.dataSource.query(
        `SELECT status, count(*)::int AS n FROM email_deliveries GROUP BY status`,
      ),
    );
    const counts: Record<EmailStatus, number> = {
      queued: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      dead: 0,
    };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  /**
   * Gives a dead (or failed) delivery a fresh set of attempts: back to `queued`. `undefined` when
   * it is in another status (sent, queued, being sent) or does not exist.
   */
  async requeue(id: string): Promise<EmailDelivery | undefined> {
    const rows = returnedRows<EmailDelivery>(
      await this.dataSource.query(
        `UPDATE email_deliveries SET status = 'queued', attempts = 0, updated_at = now()
          WHERE id = $1 AND status IN ('dead', 'failed')
          RETURNING ${COLUMNS}`,
        [id],
      ),
    );
    return rows[0];
  }

  /** After the last attempt; a delivery that was sent meanwhile stays sent. */
  async markDead(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'dead', last_error = $2, updated_at = now()
        WHERE id = $1 AND status <> 'sent'`,
      [id, error.slice(0, 1000)],
    );
  }
}
