import { pathOnly } from '../request-log/redact';
import { RequestLogEntry } from '../request-log/request-log.types';

/** The increments one batch adds to `request_log_rollups`, one per key. */
export interface RollupIncrement {
  /** Start of the minute (ms since the epoch). */
  minute: number;
  ip: string;
  /** Route template, or the path for requests no route matched. */
  route: string;
  /** 1..5 (`status / 100`). */
  statusClass: number;
  requests: number;
  /** 403 and 404 answers (what probing produces). */
  probeHits: number;
  blocked: number;
  limited: number;
  latencyMsSum: number;
}

/**
 * Folds a batch of log entries into rollup increments, sorted by key: concurrent writers (several
 * api instances) then lock the rows they upsert in the same order and cannot deadlock.
 */
export function rollupBatch(entries: RequestLogEntry[]): RollupIncrement[] {
  const byKey = new Map<string, RollupIncrement>();
  for (const e of entries) {
    const minute = e.at - (e.at % 60_000);
    const route = e.route ?? pathOnly(e.path);
    const statusClass = Math.min(5, Math.max(1, Math.floor(e.status / 100)));
    const key = `${minute}\u0000${e.ip}\u0000${route}\u0000${statusClass}`;
    let r = byKey.get(key);
    if (!r) {
      r = {
        minute,
        ip: e.ip,
        route,
        statusClass,
        requests: 0,
        probeHits: 0,
        blocked: 0,
        limited: 0,
        latencyMsSum: 0,
      };
      byKey.set(key, r);
    }
    r.requests++;
    if (e.status === 403 || e.status === 404) r.probeHits++;
    if (e.outcome === 'blocked') r.blocked++;
    if (e.outcome === 'limited') r.limited++;
    r.latencyMsSum += e.latencyMs;
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}
