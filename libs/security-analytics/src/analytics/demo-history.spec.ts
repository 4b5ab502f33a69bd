import { rollupBatch } from '../rollups/rollups';
import { demoEntries } from './demo-history';

describe('demo request history', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  const entries = demoEntries(now);

  it('covers the last day, with refusals, probes and several addresses', () => {
    expect(Math.min(...entries.map((e) => e.at))).toBeGreaterThanOrEqual(now - 86_400_000);
    expect(Math.max(...entries.map((e) => e.at))).toBeLessThan(now);
    expect(new Set(entries.map((e) => e.ip)).size).toBeGreaterThan(10);
    expect(entries.some((e) => e.outcome === 'blocked')).toBe(true);
    expect(entries.some((e) => e.outcome === 'limited')).toBe(true);
    expect(entries.some((e) => e.route === null && e.status === 404)).toBe(true);
  });

  it('folds into rollups that add up to the entries', () => {
    const rollups = rollupBatch(entries);
    expect(rollups.reduce((n, r) => n + r.requests, 0)).toBe(entries.length);
    expect(rollups.length).toBeLessThan(entries.length);
  });
});
