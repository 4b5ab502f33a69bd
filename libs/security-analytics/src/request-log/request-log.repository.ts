import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
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

/** Every statement on `request_log`. */
@Injectable()
export class RequestLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement per batch whatever its size: each column is one array parameter, `unnest`
   * turns them back into rows (no parameter-count limit, one parse, one round trip).
   */
  async insertBatch(entries: RequestLogEntry[], em?: EntityManager): Promise<void> {
    const cols: unknown[][] = Array.from({ length: 11 }, () => new Array(entries.length));
    entries.forEach((e, i) => {
      cols[0][i] = new Date(e.at).toISOString();
      cols[1][i] = e.ip;
      cols[2][i] = e.method;
      cols[3][i] = e.route ?? UNMATCHED_ROUTE;
      cols[4][i] = e.path;
      cols[5][i] = e.status;
      cols[6][i] = e.latencyMs;
      cols[7][i] = e.userId;
      cols[8][i] = e.userAgent;
      cols[9][i] = e.requestId;
      cols[10][i] = e.outcome;
    });
    await (em ?? this.dataSource).query(
      `INSERT INTO request_log
         (at, ip, method, route, path, status, latency_ms, user_id, user_agent, request_id, outcome)
       SELECT * FROM unnest($1::timestamptz[], $2::inet[], $3::text[], $4::text[], $5::text[],
                            $6::smallint[], $7::real[], $8::uuid[], $9::text[], $10::text[],
                            $11::text[])`,
      cols,
    );
  }

  async count(): Promise<number> {
    const rows = returnedRows<{ n: string }>(
      await this.dataSource.query(`SELECT count(*) AS n FROM request_log`),
    );
    return Number(rows[0].n);
  }

  /** The newest requests of one address (or of every address in a CIDR). */
  async recentForIp(ip: string, limit: 50 | 100 = 50): Promise<RequestLogRow[]> {
    return returnedRows<RequestLogRow>(
      await this.dataSource.query(
        `SELECT at, host(ip) AS ip, method, route, path, status, latency_ms AS "latencyMs",
                user_id AS "userId", user_agent AS "userAgent", request_id AS "requestId", outcome
           FROM request_log WHERE ip = $1::inet ORDER BY at DESC LIMIT ${limit}`,
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
