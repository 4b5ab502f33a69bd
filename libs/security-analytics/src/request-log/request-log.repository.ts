import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount, EMBEDDED_POSTGRES, EmbeddedPostgres, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { copyIn } from '../db/copy-in';
import { COPY_NULL, copyText, IsoMillis } from '../db/copy-text';
import { RequestLogEntry } from './request-log.types';

export interface RequestLogRow {
  at: Date;
  ip: string;
  method: string;
  route: string;
  path: string;
  status: number;
  latencyMs: number;
  userId: string | null;
  userAgent: string | null;
  requestId: string | null;
  outcome: string | null;
}

/** Shown for requests no route matched (the rollups key them by path instead). */
export const UNMATCHED_ROUTE = '(unmatched)';

const COPY_COLUMNS =
  'at, ip, method, route, path, status, latency_ms, user_id, user_agent, request_id, outcome';

/**
 * A batch as COPY text, in `COPY_COLUMNS` order: one template per row, strings escaped only where
 * they hold a backslash, tab, newline or CR (`copyText`), the time formatted per second
 * (`IsoMillis`) — the api's cost per logged request (docs/benchmarks.md).
 */
export function requestLogCopyText(entries: readonly RequestLogEntry[]): string {
  const at = new IsoMillis();
  const opt = (v: string | null | undefined) =>
    v === null || v === undefined ? COPY_NULL : copyText(v);
  let out = '';
  for (const e of entries) {
    out += `${at.text(e.at)}\t${copyText(e.ip)}\t${copyText(e.method)}\t${copyText(
      e.route ?? UNMATCHED_ROUTE,
    )}\t${copyText(e.path)}\t${e.status}\t${e.latencyMs}\t${opt(
      e.userId,
    )}\t${opt(e.userAgent)}\t${opt(e.requestId)}\t${e.outcome ?? COPY_NULL}\n`;
  }
  return out;
}

/** Every statement on `request_log`. */
@Injectable()
export class RequestLogRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  /**
   * Appends a batch with one `COPY` (`copyIn`: text format from STDIN on PostgreSQL, a Blob on
   * PGlite), in `em`'s transaction or a transaction of its own.
   */
  async insertBatch(entries: RequestLogEntry[], em?: EntityManager): Promise<void> {
    if (!entries.length) return;
    const data = requestLogCopyText(entries);
    const copy = (m: EntityManager) => copyIn(m, this.embedded, 'request_log', COPY_COLUMNS, data);
    await (em ? copy(em) : this.dataSource.transaction(copy));
  }

  async count(): Promise<number> {
    const rows = returnedRows<{ n: string }>(
      await this.dataSource.query(`SELECT count(*) AS n FROM request_log`),
    );
    return Number(rows[0].n);
  }

  /**
   * The newest requests of one address. `request_log` has no index on `ip` (a B-tree keyed by
   * address took half of the writer's rate, docs/benchmarks.md): the rollups' `(ip, minute)`
   * index gives the newest minutes of the address, enough of them to hold `limit` requests, and
   * each minute is read through the BRIN index on `at`.
   */
  async recentForIp(ip: string, limit: 50 | 100 = 50): Promise<RequestLogRow[]> {
    return returnedRows<RequestLogRow>(
      await this.dataSource.query(
        `WITH minutes AS (
           SELECT minute, sum(requests) AS n FROM request_log_rollups WHERE ip = $1::inet
            GROUP BY minute ORDER BY minute DESC LIMIT ${limit}
         ), needed AS (
           SELECT minute FROM (
             SELECT minute, sum(n) OVER (ORDER BY minute DESC) - n AS before FROM minutes) m
            WHERE before < ${limit}
         )
         SELECT r.at, host(r.ip) AS ip, r.method, r.route, r.path, r.status,
                r.latency_ms AS "latencyMs", r.user_id AS "userId", r.user_agent AS "userAgent",
                r.request_id AS "requestId", r.outcome
           FROM needed m CROSS JOIN LATERAL (
             SELECT * FROM request_log l
              WHERE l.at >= m.minute AND l.at < m.minute + interval '1 minute' AND l.ip = $1::inet
           ) r
          ORDER BY r.at DESC LIMIT ${limit}`,
        [ip],
      ),
    );
  }

  /**
   * Deletes rows older than `before`, at most `batch` at a time (short transactions that do not
   * hold up the writer); returns how many were deleted.
   */
  async pruneBefore(before: Date, batch = 50_000): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `DELETE FROM request_log WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM request_log WHERE at < $1 LIMIT ${batch}))`,
        [before.toISOString()],
      ),
    );
  }
}
