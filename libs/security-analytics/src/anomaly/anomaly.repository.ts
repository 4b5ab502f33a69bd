import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';
import { unnestRows } from '../db/unnest-rows';

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
   * the candidate. The logins are ordered per account on narrow rows (address and time), and
   * only the legs that change address are joined to their coordinates: most logins repeat the
   * previous address.
   */
  impossibleTravel(now: Date, maxKmh: number): Promise<Candidate[]> {
    return this.candidates(
      `WITH legs AS (
         SELECT e.ip, e.at, lag(e.ip) OVER w AS prev_ip, lag(e.at) OVER w AS prev_at
           FROM security_login_events e
          WHERE e.success AND e.at > $1::timestamptz - interval '1 day' AND e.at <= $1
            AND EXISTS (SELECT 1 FROM ip_geo g WHERE g.ip = e.ip AND g.lat IS NOT NULL)
          WINDOW w AS (PARTITION BY e.user_id ORDER BY e.at)
       ), moves AS (
         SELECT l.ip, coalesce(g.city, g.country) AS place, coalesce(p.city, p.country) AS prev_place,
                2 * 6371 * asin(sqrt(
                  power(sin(radians(g.lat - p.lat) / 2), 2) +
                  cos(radians(p.lat)) * cos(radians(g.lat)) *
                  power(sin(radians(g.lon - p.lon) / 2), 2))) AS km,
                greatest(extract(epoch FROM l.at - l.prev_at), 1) / 3600.0 AS hours
           FROM legs l JOIN ip_geo g ON g.ip = l.ip JOIN ip_geo p ON p.ip = l.prev_ip
          WHERE l.prev_ip <> l.ip
       )
       SELECT host(ip) AS ip, max(round(km / hours))::int AS hits,
              string_agg(DISTINCT prev_place || ' → ' || place || ' (' || round(km) || ' km)', ', ') AS detail
         FROM moves WHERE km >= 100 AND km / hours > $2
        GROUP BY ip`,
      [now.toISOString(), maxKmh],
    );
  }

  /** Records one finding; returns the previous `last_seen` of its address and rule (or null). */
  async upsertFinding(f: Finding, now: Date): Promise<Date | null> {
    return (await this.upsertFindings([f], now))[0];
  }

  /**
   * Records the findings of one scan in one statement (an attack wave can bring thousands);
   * returns, per finding in the same order, the previous `last_seen` of its address and rule
   * (null when new). A scan has at most one finding per address and rule.
   */
  async upsertFindings(findings: Finding[], at: Date): Promise<(Date | null)[]> {
    if (!findings.length) return [];
    const u = unnestRows(findings, 'ip inet, rule text, reason text, score int, hits int');
    const atParam = u.params.length + 1;
    const rows = returnedRows<{ ip: string; rule: string; previous: Date | null }>(
      await this.dataSource.query(
        `WITH input AS (${u.select} AS t(${u.columns})),
         prev AS (
           SELECT s.ip, s.rule, s.last_seen FROM suspicious_ips s
             JOIN input i ON i.ip = s.ip AND i.rule = s.rule
         ), up AS (
           INSERT INTO suspicious_ips AS s (ip, rule, reason, score, hits, first_seen, last_seen)
           SELECT ip, rule, reason, score, hits, $${atParam}::timestamptz, $${atParam}::timestamptz
             FROM input ORDER BY ip, rule
           ON CONFLICT (ip, rule) DO UPDATE SET reason = EXCLUDED.reason,
             score = greatest(s.score, EXCLUDED.score), hits = EXCLUDED.hits,
             last_seen = greatest(s.last_seen, EXCLUDED.last_seen)
           RETURNING s.ip, s.rule
         )
         SELECT host(up.ip) AS ip, up.rule, prev.last_seen AS previous
           FROM up LEFT JOIN prev ON prev.ip = up.ip AND prev.rule = up.rule`,
        [...u.params, at.toISOString()],
      ),
    );
    const previous = new Map(rows.map((r) => [`${r.ip} ${r.rule}`, r.previous ?? null]));
    // The candidates' addresses come from host(ip), so they read as host(up.ip) does.
    return findings.map((f) => previous.get(`${f.ip} ${f.rule}`) ?? null);
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
