import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';

export interface Totals {
  requests: number;
  uniqueIps: number;
  blocked: number;
  limited: number;
  clientErrors: number;
  serverErrors: number;
}

export interface CountRow {
  key: string;
  requests: number;
}

export interface TopIpRow {
  ip: string;
  country: string;
  requests: number;
}

export interface GeoRow {
  country: string;
  city: string | null;
  lat: number | null;
  lon: number | null;
  requests: number;
  uniqueIps: number;
}

export interface BucketRow {
  t: Date;
  requests: number;
  clientErrors: number;
  serverErrors: number;
  blocked: number;
  limited: number;
}

export type Bucket = 'minute' | 'hour' | 'day';

const WINDOW = `r.minute >= $1 AND r.minute < $2`;
const n = (v: unknown) => Number(v ?? 0);

/** The analytics reads: rollups (joined with `ip_geo` for places), never the raw log. */
@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async rows<T>(sql: string, from: Date, to: Date, extra: unknown[] = []): Promise<T[]> {
    return returnedRows<T>(
      await this.dataSource.query(sql, [from.toISOString(), to.toISOString(), ...extra]),
    );
  }

  async totals(from: Date, to: Date): Promise<Totals> {
    const [r] = await this.rows<Record<string, unknown>>(
      `SELECT coalesce(sum(requests), 0) AS requests, count(DISTINCT ip) AS "uniqueIps",
              coalesce(sum(blocked), 0) AS blocked, coalesce(sum(limited), 0) AS limited,
              coalesce(sum(requests) FILTER (WHERE status_class = 4), 0) AS "clientErrors",
              coalesce(sum(requests) FILTER (WHERE status_class = 5), 0) AS "serverErrors"
         FROM request_log_rollups r WHERE ${WINDOW}`,
      from,
      to,
    );
    return {
      requests: n(r.requests),
      uniqueIps: n(r.uniqueIps),
      blocked: n(r.blocked),
      limited: n(r.limited),
      clientErrors: n(r.clientErrors),
      serverErrors: n(r.serverErrors),
    };
  }

  async topCountries(from: Date, to: Date): Promise<CountRow[]> {
    return (
      await this.rows<CountRow>(
        `SELECT coalesce(g.country, 'unknown') AS key, sum(r.requests) AS requests
           FROM request_log_rollups r LEFT JOIN ip_geo g ON g.ip = r.ip
          WHERE ${WINDOW} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
        from,
        to,
      )
    ).map((r) => ({ key: r.key, requests: n(r.requests) }));
  }

  async topRoutes(from: Date, to: Date): Promise<CountRow[]> {
    return (
      await this.rows<CountRow>(
        `SELECT r.route AS key, sum(r.requests) AS requests FROM request_log_rollups r
          WHERE ${WINDOW} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
        from,
        to,
      )
    ).map((r) => ({ key: r.key, requests: n(r.requests) }));
  }

  async topIps(from: Date, to: Date): Promise<TopIpRow[]> {
    return (
      await this.rows<TopIpRow>(
        `SELECT host(t.ip) AS ip, coalesce(g.country, 'unknown') AS country, t.requests
           FROM (SELECT r.ip, sum(r.requests) AS requests FROM request_log_rollups r
                  WHERE ${WINDOW} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10) t
           LEFT JOIN ip_geo g ON g.ip = t.ip ORDER BY t.requests DESC, t.ip`,
        from,
        to,
      )
    ).map((r) => ({ ...r, requests: n(r.requests) }));
  }

  async geo(from: Date, to: Date, byCity: boolean): Promise<GeoRow[]> {
    const sql = byCity
      ? `SELECT coalesce(g.country, 'unknown') AS country, g.city, avg(g.lat) AS lat, avg(g.lon) AS lon,
                sum(r.requests) AS requests, count(DISTINCT r.ip) AS "uniqueIps"
           FROM request_log_rollups r LEFT JOIN ip_geo g ON g.ip = r.ip
          WHERE ${WINDOW} GROUP BY 1, 2 ORDER BY 5 DESC, 1, 2 LIMIT 500`
      : `SELECT coalesce(g.country, 'unknown') AS country, NULL AS city, NULL AS lat, NULL AS lon,
                sum(r.requests) AS requests, count(DISTINCT r.ip) AS "uniqueIps"
           FROM request_log_rollups r LEFT JOIN ip_geo g ON g.ip = r.ip
          WHERE ${WINDOW} GROUP BY 1 ORDER BY 5 DESC, 1 LIMIT 500`;
    return (await this.rows<GeoRow>(sql, from, to)).map((r) => ({
      country: r.country,
      city: r.city ?? null,
      lat: r.lat === null ? null : Number(r.lat),
      lon: r.lon === null ? null : Number(r.lon),
      requests: n(r.requests),
      uniqueIps: n(r.uniqueIps),
    }));
  }

  async timeseries(from: Date, to: Date, bucket: Bucket): Promise<BucketRow[]> {
    // One statement text per bucket (the unit is not a parameter of date_trunc's plan).
    const unit = ({ minute: 'minute', hour: 'hour', day: 'day' } as const)[bucket];
    return (
      await this.rows<BucketRow>(
        `SELECT date_trunc('${unit}', r.minute, 'UTC') AS t, sum(requests) AS requests,
                coalesce(sum(requests) FILTER (WHERE status_class = 4), 0) AS "clientErrors",
                coalesce(sum(requests) FILTER (WHERE status_class = 5), 0) AS "serverErrors",
                sum(blocked) AS blocked, sum(limited) AS limited
           FROM request_log_rollups r WHERE ${WINDOW} GROUP BY 1 ORDER BY 1`,
        from,
        to,
      )
    ).map((r) => ({
      t: new Date(r.t),
      requests: n(r.requests),
      clientErrors: n(r.clientErrors),
      serverErrors: n(r.serverErrors),
      blocked: n(r.blocked),
      limited: n(r.limited),
    }));
  }

  /** Per-address totals over a window, and its busiest routes. */
  async ipTotals(
    ip: string,
    from: Date,
    to: Date,
  ): Promise<{ totals: Totals; routes: CountRow[] }> {
    const [r] = await this.rows<Record<string, unknown>>(
      `SELECT coalesce(sum(requests), 0) AS requests, coalesce(sum(blocked), 0) AS blocked,
              coalesce(sum(limited), 0) AS limited,
              coalesce(sum(requests) FILTER (WHERE status_class = 4), 0) AS "clientErrors",
              coalesce(sum(requests) FILTER (WHERE status_class = 5), 0) AS "serverErrors",
              min(minute) AS "firstSeen", max(minute) AS "lastSeen"
         FROM request_log_rollups r WHERE ${WINDOW} AND r.ip = $3::inet`,
      from,
      to,
      [ip],
    );
    const routes = await this.rows<CountRow>(
      `SELECT r.route AS key, sum(r.requests) AS requests FROM request_log_rollups r
        WHERE ${WINDOW} AND r.ip = $3::inet GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
      from,
      to,
      [ip],
    );
    return {
      totals: {
        requests: n(r.requests),
        uniqueIps: n(r.requests) > 0 ? 1 : 0,
        blocked: n(r.blocked),
        limited: n(r.limited),
        clientErrors: n(r.clientErrors),
        serverErrors: n(r.serverErrors),
      },
      routes: routes.map((x) => ({ key: x.key, requests: n(x.requests) })),
    };
  }
}
