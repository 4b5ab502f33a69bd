import type { RequestLogEntry } from '../request-log/request-log.types';
import { FIXTURE_T, logEntry } from '../../../../test/support/request-log-fixtures';
import { RollupIncrement, rollupBatch } from './rollups';

const T = FIXTURE_T;
const entry = logEntry;

/** One rollup row of `entry()`'s request (200 class, 1 ms), with what a case changes. */
const increment = (over: Partial<RollupIncrement>): RollupIncrement => ({
  minute: T,
  ip: '192.0.2.1',
  route: '/api/v1/tags',
  statusClass: 2,
  requests: 1,
  probeHits: 0,
  blocked: 0,
  limited: 0,
  latencyMsSum: 1,
  ...over,
});

describe('rollupBatch', () => {
  it('folds entries per minute, address, route (or path) and status class', () => {
    const increments = rollupBatch([
      entry({ latencyMs: 2 }),
      entry({ at: T + 59_999, latencyMs: 3 }),
      entry({ at: T + 60_000 }),
      entry({ status: 404, route: null, path: '/.env?x=1' }),
      entry({ status: 403, route: null, path: '/.env' }),
      entry({ status: 429, outcome: 'limited' }),
      entry({ status: 403, outcome: 'blocked', ip: '2001:db8::1' }),
      entry({ status: 600 }),
      entry({ status: 99 }),
    ]);
    expect(increments).toEqual([
      increment({ route: '/.env', statusClass: 4, requests: 2, probeHits: 2, latencyMsSum: 2 }),
      increment({ statusClass: 1 }),
      increment({ requests: 2, latencyMsSum: 5 }),
      increment({ statusClass: 4, limited: 1 }),
      increment({ statusClass: 5 }),
      increment({ ip: '2001:db8::1', statusClass: 4, probeHits: 1, blocked: 1 }),
      increment({ minute: T + 60_000 }),
    ]);
  });

  it('orders increments by key whatever the arrival order, so writers lock rows in one order', () => {
    const ips = ['10.0.0.10', '10.0.0.1', '10.0.0.2', '9.9.9.9'];
    const routes = ['/b', '/a', '/a/b'];
    const entries: RequestLogEntry[] = [];
    for (let i = 0; i < 60; i++)
      entries.push(
        entry({
          at: T + ((i * 7) % 3) * 60_000,
          ip: ips[(i * 5) % ips.length],
          route: routes[(i * 11) % routes.length],
          status: [200, 404, 500][i % 3],
        }),
      );
    const keys = rollupBatch(entries).map((r) => [r.minute, r.ip, r.route, r.statusClass]);
    const sorted = [...keys].sort((a, b) => {
      for (let k = 0; k < 4; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
      return 0;
    });
    expect(keys).toEqual(sorted);
    expect(new Set(keys.map((k) => k.join('|'))).size).toBe(keys.length);
    expect(rollupBatch(entries).reduce((n, r) => n + r.requests, 0)).toBe(60);
  });
});
