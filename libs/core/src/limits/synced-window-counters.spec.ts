import IORedis, { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { startTcpProxy, TcpProxy } from '../../../../test/support/tcp-proxy';
import { waitUntil } from '../../../../test/support/sync';
import { SyncedWindowCounters } from './synced-window-counters';

const redisUrl = process.env.TEST_REDIS_URL;
const WINDOW = 60_000;

/** A clock the test moves; starts at the beginning of a window. */
const clockAt = (t: number) => {
  const c = { t, now: () => c.t };
  return c;
};

describe('SyncedWindowCounters (memory)', () => {
  it('counts up to the limit per key and window, with remaining and reset', () => {
    const clock = clockAt(100 * WINDOW + 15_000);
    const c = new SyncedWindowCounters(undefined, 'x', {
      name: 't',
      windowMs: WINDOW,
      syncMs: 100,
      now: clock.now,
    });
    const taken = [1, 2, 3, 4].map(() => c.take('a', 3));
    expect(taken.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(taken.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(taken[3].resetMs).toBe(45_000);
    expect(c.take('b', 3).allowed).toBe(true);
  });

  it('does not count refused requests: a refused client does not extend its window', () => {
    const clock = clockAt(100 * WINDOW);
    const c = new SyncedWindowCounters(undefined, 'x', {
      name: 't',
      windowMs: WINDOW,
      syncMs: 100,
      now: clock.now,
    });
    for (let i = 0; i < 3; i++) c.take('a', 3);
    clock.t += 30_000;
    for (let i = 0; i < 100; i++) expect(c.take('a', 3).allowed).toBe(false);
    clock.t = 101 * WINDOW;
    const next = c.take('a', 3);
    expect(next).toMatchObject({ allowed: true, remaining: 2, resetMs: WINDOW });
  });

  it('stops tracking new keys beyond maxKeys instead of growing', () => {
    const c = new SyncedWindowCounters(undefined, 'x', {
      name: 't',
      windowMs: WINDOW,
      syncMs: 100,
      maxKeys: 2,
    });
    c.take('a', 1);
    c.take('b', 1);
    expect(c.take('a', 1).allowed).toBe(false);
    expect(c.take('c', 1).allowed).toBe(true);
    expect(c.take('c', 1).allowed).toBe(true);
  });
});

(redisUrl ? describe : describe.skip)('SyncedWindowCounters (Redis)', () => {
  const port = Number(new URL(redisUrl ?? 'redis://127.0.0.1:6379').port || 6379);
  let prefix: string;
  const open: { counters: SyncedWindowCounters; redis: Redis }[] = [];
  const make = (redisPort: number, clock: { now: () => number }) => {
    const redis = new IORedis({
      port: redisPort,
      host: '127.0.0.1',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      retryStrategy: () => 20,
    });
    redis.on('error', () => undefined);
    // Long interval: the test drives sync() itself.
    const counters = new SyncedWindowCounters(redis, prefix, {
      name: 't',
      windowMs: WINDOW,
      syncMs: 3_600_000,
      now: clock.now,
    });
    open.push({ counters, redis });
    return { counters, redis };
  };
  beforeEach(() => {
    prefix = `t${randomBytes(4).toString('hex')}:rl`;
  });
  afterEach(async () => {
    for (const { counters, redis } of open.splice(0)) {
      counters.stop();
      redis.disconnect();
    }
  });
  const ready = (r: Redis) => waitUntil(() => r.status === 'ready', { what: 'redis ready' });

  it('two instances share one limit once synced, overshooting by at most one interval', async () => {
    const clock = clockAt(200 * WINDOW);
    const a = make(port, clock);
    const b = make(port, clock);
    await Promise.all([ready(a.redis), ready(b.redis)]);
    // Each instance admits up to the limit on its own before the first sync (the bounded overshoot) ...
    const first = [...Array(6)].map(() => a.counters.take('k', 10).allowed);
    expect(first.every(Boolean)).toBe(true);
    await a.counters.sync();
    // ... but after it, b knows a's 6 once it has synced its own count.
    expect(b.counters.take('k', 10).allowed).toBe(true);
    await b.counters.sync();
    const onB = [...Array(5)].map(() => b.counters.take('k', 10).allowed);
    expect(onB).toEqual([true, true, true, false, false]);
    await b.counters.sync();
    // a last heard the total at 6: it admits what arrives within one interval (the overshoot),
    // and refuses from its next sync on.
    expect(a.counters.take('k', 10).allowed).toBe(true);
    await a.counters.sync();
    expect(a.counters.take('k', 10).allowed).toBe(false);
    const stored = await a.redis.get(`${prefix}:${Math.floor(clock.t / WINDOW)}:k`);
    expect(Number(stored)).toBe(11);
  });

  it('Redis unreachable: counts and limits locally (degraded), then the counts return to Redis', async () => {
    const proxy: TcpProxy = await startTcpProxy(port);
    try {
      const clock = clockAt(300 * WINDOW);
      const a = make(proxy.port, clock);
      await ready(a.redis);
      expect(a.counters.degraded).toBe(false);
      proxy.cut();
      await waitUntil(() => a.redis.status !== 'ready', { what: 'connection lost' });
      const taken = [...Array(7)].map(() => a.counters.take('k', 5).allowed);
      expect(taken).toEqual([true, true, true, true, true, false, false]);
      await a.counters.sync();
      expect(a.counters.degraded).toBe(true);
      proxy.restore();
      await ready(a.redis);
      await a.counters.sync();
      expect(a.counters.degraded).toBe(false);
      const direct = new IORedis({ port, host: '127.0.0.1' });
      expect(Number(await direct.get(`${prefix}:${Math.floor(clock.t / WINDOW)}:k`))).toBe(5);
      await direct.quit();
    } finally {
      await proxy.close();
    }
  });
});
