import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { unnestRows } from '../db/unnest-rows';
import { RollupIncrement } from './rollups';

/** Writes of `request_log_rollups` (the reads are the analytics and anomaly repositories'). */
@Injectable()
export class RollupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds a batch's increments, one statement (`unnestRows` + upsert), rows in key order. */
  async add(increments: RollupIncrement[], em?: EntityManager): Promise<void> {
    if (!increments.length) return;
    const u = unnestRows(
      increments,
      'minute timestamptz, ip inet, route text, status_class smallint, requests int, probe_hits int, blocked int, limited int, latency_ms_sum float8',
    );
    await (em ?? this.dataSource).query(
      `INSERT INTO request_log_rollups AS r (${u.columns}) ${u.select}
       ON CONFLICT (minute, ip, route, status_class) DO UPDATE SET
         requests = r.requests + EXCLUDED.requests,
         probe_hits = r.probe_hits + EXCLUDED.probe_hits,
         blocked = r.blocked + EXCLUDED.blocked,
         limited = r.limited + EXCLUDED.limited,
         latency_ms_sum = r.latency_ms_sum + EXCLUDED.latency_ms_sum`,
      u.params,
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
