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

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Folds a batch of log entries into rollup increments, sorted by key (minute, ip, route, status
 * class): concurrent writers (several api instances) then lock the rows they upsert in the same
 * order and cannot deadlock. Nested maps rather than one map keyed by a concatenated string: this
 * runs for every logged request, and building and hashing a key string per entry (then sorting
 * the long keys) was most of the fold's cost (docs/benchmarks.md).
 */
export function rollupBatch(entries: readonly RequestLogEntry[]): RollupIncrement[] {
  const minutes = new Map<number, Map<string, Map<string, (RollupIncrement | undefined)[]>>>();
  let count = 0;
  for (const e of entries) {
    const minute = e.at - (e.at % 60_000);
    const route = e.route ?? pathOnly(e.path);
    const statusClass = Math.min(5, Math.max(1, Math.floor(e.status / 100)));
    let ips = minutes.get(minute);
    if (!ips) minutes.set(minute, (ips = new Map()));
    let routes = ips.get(e.ip);
    if (!routes) ips.set(e.ip, (routes = new Map()));
    let classes = routes.get(route);
    if (!classes) routes.set(route, (classes = []));
    let r = classes[statusClass];
    if (!r) {
      count++;
      r = classes[statusClass] = {
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
    }
    r.requests++;
    if (e.status === 403 || e.status === 404) r.probeHits++;
    if (e.outcome === 'blocked') r.blocked++;
    if (e.outcome === 'limited') r.limited++;
    r.latencyMsSum += e.latencyMs;
  }
  const out: RollupIncrement[] = new Array<RollupIncrement>(count);
  let i = 0;
  for (const minute of [...minutes.keys()].sort((a, b) => a - b)) {
    const ips = minutes.get(minute)!;
    for (const ip of [...ips.keys()].sort(byString)) {
      const routes = ips.get(ip)!;
      for (const route of [...routes.keys()].sort(byString))
        for (const r of routes.get(route)!) if (r) out[i++] = r;
    }
  }
  return out;
}
