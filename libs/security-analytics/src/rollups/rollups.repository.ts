import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { RollupIncrement } from './rollups';

/** Writes of `request_log_rollups` (the reads are the analytics and anomaly repositories'). */
@Injectable()
export class RollupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds a batch's increments, one statement (`unnest` + upsert), rows in key order. */
  async add(increments: RollupIncrement[], em?: EntityManager): Promise<void> {
    if (!increments.length) return;
    const cols: unknown[][] = Array.from({ length: 9 }, () => new Array(increments.length));
    increments.forEach((r, i) => {
      cols[0][i] = new Date(r.minute).toISOString();
      cols[1][i] = r.ip;
      cols[2][i] = r.route;
      cols[3][i] = r.statusClass;
      cols[4][i] = r.requests;
      cols[5][i] = r.probeHits;
      cols[6][i] = r.blocked;
      cols[7][i] = r.limited;
      cols[8][i] = r.latencyMsSum;
    });
    await (em ?? this.dataSource).query(
      `INSERT INTO request_log_rollups AS r
         (minute, ip, route, status_class, requests, probe_hits, blocked, limited, latency_ms_sum)
       SELECT * FROM unnest($1::timestamptz[], $2::inet[], $3::text[], $4::smallint[], $5::int[],
                            $6::int[], $7::int[], $8::int[], $9::float8[])
       ON CONFLICT (minute, ip, route, status_class) DO UPDATE SET
         requests = r.requests + EXCLUDED.requests,
         probe_hits = r.probe_hits + EXCLUDED.probe_hits,
         blocked = r.blocked + EXCLUDED.blocked,
         limited = r.limited + EXCLUDED.limited,
         latency_ms_sum = r.latency_ms_sum + EXCLUDED.latency_ms_sum`,
      cols,
    );
  }

  async pruneBefore(before: Date, batch = 50_000): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `DELETE FROM request_log_rollups WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM request_log_rollups WHERE minute < $1 LIMIT ${batch}))`,
        [before.toISOString()],
      ),
    );
  }
}
