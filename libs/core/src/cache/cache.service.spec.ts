import { createKeyv as createMemoryKeyv } from '@cacheable/memory';
import { createCache } from 'cache-manager';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { redisStore } from './cache.module';
import { CacheService } from './cache.service';
import { waitUntil } from '../../../../test/support/sync';

const redisUrl = process.env.TEST_REDIS_URL;
const backends: [string, string | undefined][] = [['memory', undefined]];
if (redisUrl) backends.push(['redis', redisUrl]);

describe.each(backends)('CacheService (%s)', (_, url) => {
  let cache: CacheService;
  let disconnect: () => Promise<unknown>;

  beforeEach(() => {
    const store = url ? redisStore(url) : createMemoryKeyv({ lruSize: 100 });
    const manager = createCache({ stores: [store] });
    disconnect = () => manager.disconnect();
    const config = { cacheTtlSeconds: 60, redisPrefix: `t${randomBytes(4).toString('hex')}` } as AppConfig;
    cache = new CacheService(manager, config);
  });
  afterEach(() => disconnect());

  it('reports a hit ratio of 0 before any traffic', () => {
    expect(cache.stats()).toEqual({});
    cache.count('articles', false);
    expect(cache.stats().articles).toEqual({ hits: 0, misses: 1, hitRatio: 0 });
  });

  it('counts hits and misses per namespace', async () => {
    expect(await cache.get('a', 'k')).toBeUndefined();
    await cache.set('a', 'k', { v: 1 });
    expect(await cache.get('a', 'k')).toEqual({ v: 1 });
    expect(await cache.get('a', 'k')).toEqual({ v: 1 });
    expect(await cache.get('b', 'k')).toBeUndefined();
    expect(cache.stats()).toEqual({
      a: { hits: 2, misses: 1, hitRatio: 2 / 3 },
      b: { hits: 0, misses: 1, hitRatio: 0 },
    });
  });

  it('wrap loads once and then serves from the cache', async () => {
    const load = jest.fn(async () => ({ title: 'hello' }));
    expect(await cache.wrap('w', 'x', load)).toEqual({ title: 'hello' });
    expect(await cache.wrap('w', 'x', load)).toEqual({ title: 'hello' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not cache null results', async () => {
    const load = jest.fn(async () => null);
    await cache.wrap('n', 'x', load);
    await cache.wrap('n', 'x', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('deletes keys and keeps namespaces apart', async () => {
    await cache.set('a', 'k', 1);
    await cache.set('b', 'k', 2);
    await cache.del('a', 'k');
    expect(await cache.get('a', 'k')).toBeUndefined();
    expect(await cache.get('b', 'k')).toBe(2);
  });

  it('expires entries after their TTL', async () => {
    // Memory: the store's clock is Jest's; Redis expires on its own clock, so the test waits for
    // the expiry itself (a key stored without a TTL never goes and fails the wait).
    if (!url) jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await cache.set('t', 'k', 'v', 1);
      expect(await cache.get('t', 'k')).toBe('v');
      if (!url) {
        jest.advanceTimersByTime(999);
        expect(await cache.get('t', 'k')).toBe('v');
        jest.advanceTimersByTime(2);
        expect(await cache.get('t', 'k')).toBeUndefined();
      } else {
        await waitUntil(async () => (await cache.get('t', 'k')) === undefined, { what: 'expiry' });
      }
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('CacheService when Redis is unreachable', () => {
  it('turns errors into misses instead of failing the read', async () => {
    const manager = createCache({ stores: [redisStore('redis://127.0.0.1:1')] });
    const cache = new CacheService(manager, { cacheTtlSeconds: 60, redisPrefix: 'down' } as AppConfig);
    const load = jest.fn(async () => 'fresh');
    expect(await cache.wrap('d', 'k', load)).toBe('fresh');
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.stats().d.misses).toBe(1);
    await manager.disconnect().catch(() => undefined);
  });
});
