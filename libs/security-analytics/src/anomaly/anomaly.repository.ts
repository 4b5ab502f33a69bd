import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';

/** An address a rule matched, with its evidence. */
export interface Candidate {
  ip: string;
  /** The measured quantity: requests, hits, distinct paths or accounts, km/h. */
  hits: number;
  /** Extra evidence for the reason text (paths, places). */
  detail: string | null;
}

export interface SuspiciousIpRow {
  ip: string;
  rule: string;
  reason: string;
  score: number;
  hits: number;
  firstSeen: Date;
  lastSeen: Date;
}

export interface Finding {
  ip: string;
  rule: string;
  reason: string;
  score: number;
  hits: number;
}

/** LIKE pattern matching a path and everything under it. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The anomaly rules' reads (rollups and login events only, never the raw log) and every statement
 * on `suspicious_ips`. Windows end at `now`, a parameter, so tests and benchmarks choose the time.
 */
@Injectable()
export class AnomalyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async candidates(sql: string, params: unknown[]): Promise<Candidate[]> {
    return returnedRows<Candidate>(await this.dataSource.query(sql, params)).map((r) => ({
      ip: r.ip,
      hits: Number(r.hits),
      detail: r.detail ?? null,
    }));
  }

  /** Addresses with more than `limit` requests in the hour before `now`. */
  requestsPerHour(now: Date, limit: number): Promise<Candidate[]> {
    return this.candidates(
      `SELECT host(ip) AS ip, sum(requests) AS hits, NULL AS detail
         FROM request_log_rollups
        WHERE minute > $1::timestamptz - interval '1 hour' AND minute <= $1
        GROUP BY ip HAVING sum(requests) > $2`,
      [now.toISOString(), limit],
    );
  }

  /**
   * Refused or unknown (4xx) requests to a sensitive path or below it, in the hour before `now`:
   * a 200 from the real login route is no finding, a scanner's 404 on `/wp-admin` is.
   */
  sensitivePaths(now: Date, paths: string[], minHits: number): Promise<Candidate[]> {
    const patterns = paths.map((p) => `${escapeLike(p.replace(/\/$/, ''))}/%`);
    return this.candidates(
      `SELECT host(ip) AS ip, sum(requests) AS hits,
              string_agg(DISTINCT route, ', ') AS detail
         FROM request_log_rollups
        WHERE minute > $1::timestamptz - interval '1 hour' AND minute <= $1
          AND status_class = 4 AND (route = ANY($2::text[]) OR route LIKE ANY($3::text[]))
        GROUP BY ip HAVING sum(requests) >= $4`,
      [now.toISOString(), paths, patterns, minHits],
    );
  }

  /** Addresses that got 403/404 on at least `minPaths` distinct paths in the 10 minutes before `now`. */
  probing(now: Date, minPaths: number): Promise<Candidate[]> {
    return this.candidates(
      `SELECT host(ip) AS ip, count(DISTINCT route) AS hits, NULL AS detail
         FROM request_log_rollups
        WHERE minute > $1::timestamptz - interval '10 minutes' AND minute <= $1
          AND probe_hits > 0
        GROUP BY ip HAVING count(DISTINCT route) >= $2`,
      [now.toISOString(), minPaths],
    );
  }

  /**
   * Addresses with failed logins over at least `minIdentifiers` distinct submitted identifiers
   * (existing accounts or not, by their keyed hash) in the 10 minutes before `now`.
   */
  credentialStuffing(now: Date, minIdentifiers: number): Promise<Candidate[]> {
    return this.candidates(
      `SELECT host(ip) AS ip, count(DISTINCT identifier_hash) AS hits, NULL AS detail
         FROM security_login_events
        WHERE NOT success AND identifier_hash IS NOT NULL
          AND at > $1::timestamptz - interval '10 minutes' AND at <= $1
        GROUP BY ip HAVING count(DISTINCT identifier_hash) >= $2`,
      [now.toISOString(), minIdentifiers],
    );
  }

  /**
   * Logins of one account, in the day before `now`, from a place farther from the previous
   * login's than `maxKmh` allows in the time between (great-circle distance between the located
   * addresses; under 100 km is within the databases' accuracy and ignored). The later address is
   * the candidate.
   */
  impossibleTravel(now: Date, maxKmh: number): Promise<Candidate[]> {
    return this.candidates(
      `WITH logins AS (
         SELECT e.user_id, e.at, e.ip, g.lat, g.lon, g.city, g.country,
                lag(e.at) OVER w AS prev_at, lag(g.lat) OVER w AS prev_lat,
                lag(g.lon) OVER w AS prev_lon, lag(coalesce(g.city, g.country)) OVER w AS prev_place
           FROM security_login_events e JOIN ip_geo g ON g.ip = e.ip AND g.lat IS NOT NULL
          WHERE e.success AND e.at > $1::timestamptz - interval '1 day' AND e.at <= $1
          WINDOW w AS (PARTITION BY e.user_id ORDER BY e.at)
       ), legs AS (
         SELECT ip, coalesce(city, country) AS place, prev_place,
                2 * 6371 * asin(sqrt(
                  power(sin(radians(lat - prev_lat) / 2), 2) +
                  cos(radians(prev_lat)) * cos(radians(lat)) *
                  power(sin(radians(lon - prev_lon) / 2), 2))) AS km,
                greatest(extract(epoch FROM at - prev_at), 1) / 3600.0 AS hours
           FROM logins WHERE prev_at IS NOT NULL
       )
       SELECT host(ip) AS ip, max(round(km / hours))::int AS hits,
              string_agg(DISTINCT prev_place || ' → ' || place || ' (' || round(km) || ' km)', ', ') AS detail
         FROM legs WHERE km >= 100 AND km / hours > $2
        GROUP BY ip`,
      [now.toISOString(), maxKmh],
    );
  }

  /**
   * Records a finding; returns the previous `last_seen` of that address and rule (null when the
   * finding is new), from which the caller tells a new episode from a continuing one.
   */
  async upsertFinding(f: Finding, now: Date): Promise<Date | null> {
    const rows = returnedRows<{ previous: Date | null }>(
      await this.dataSource.query(
        `WITH prev AS (SELECT last_seen FROM suspicious_ips WHERE ip = $1::inet AND rule = $2)
         INSERT INTO suspicious_ips AS s (ip, rule, reason, score, hits, first_seen, last_seen)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (ip, rule) DO UPDATE SET reason = EXCLUDED.reason,
           score = greatest(s.score, EXCLUDED.score), hits = EXCLUDED.hits,
           last_seen = greatest(s.last_seen, EXCLUDED.last_seen)
         RETURNING (SELECT last_seen FROM prev) AS previous`,
        [f.ip, f.rule, f.reason, f.score, f.hits, now.toISOString()],
      ),
    );
    return rows[0]?.previous ?? null;
  }

  async list(limit: number, since: Date | null): Promise<SuspiciousIpRow[]> {
    return returnedRows<SuspiciousIpRow>(
      await this.dataSource.query(
        `SELECT host(ip) AS ip, rule, reason, score, hits, first_seen AS "firstSeen",
                last_seen AS "lastSeen"
           FROM suspicious_ips WHERE ($1::timestamptz IS NULL OR last_seen >= $1)
          ORDER BY last_seen DESC, ip, rule LIMIT ${Math.min(Math.max(1, Math.floor(limit)), 500)}`,
        [since?.toISOString() ?? null],
      ),
    );
  }

  async forIp(ip: string): Promise<SuspiciousIpRow[]> {
    return returnedRows<SuspiciousIpRow>(
      await this.dataSource.query(
        `SELECT host(ip) AS ip, rule, reason, score, hits, first_seen AS "firstSeen",
                last_seen AS "lastSeen"
           FROM suspicious_ips WHERE ip = $1::inet ORDER BY last_seen DESC`,
        [ip],
      ),
    );
  }
}
