import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { CacheService } from './cache.service';
import { JsonObjectStore, MemoryObjectStore, ObjectStore } from './object-store';
import { MemoryStringStore, RedisStringStore, StringStore } from './string-store';

const redisUrl = process.env.TEST_REDIS_URL;
interface Backend {
  strings: StringStore;
  objects: ObjectStore;
  client?: IORedis;
}
const backends: [string, () => Backend][] = [
  ['memory', () => ({ strings: new MemoryStringStore(), objects: new MemoryObjectStore(100) })],
];
if (redisUrl) {
  backends.push([
    'redis',
    () => {
      const client = new IORedis(redisUrl, { commandTimeout: 500 });
      const strings = new RedisStringStore(client);
      return { strings, objects: new JsonObjectStore(strings), client };
    },
  ]);
}

describe.each(backends)('CacheService (%s)', (_, makeBackend) => {
  let cache: CacheService;
  let backend: Backend;
  let config: AppConfig;

  beforeEach(() => {
    backend = makeBackend();
    config = {
      cacheTtlSeconds: 60,
      redisPrefix: `t${randomBytes(4).toString('hex')}`,
    } as AppConfig;
    cache = new CacheService(config, backend.strings, backend.objects);
  });
  afterEach(async () => {
    const client = backend.client;
    if (!client) return;
    const keys = await client.keys(`${config.redisPrefix}:*`);
    if (keys.length) await client.del(keys);
    client.disconnect();
  });

  it('reports a hit ratio of 0 before any traffic', () => {
    expect(cache.stats()).toEqual({});
    cache.count('articles', false);
    expect(cache.stats().articles).toEqual({ hits: 0, misses: 1, hitRatio: 0 });
  });

  it('counts hits and misses per namespace', async () => {
    expect(await cache.get('a', 'k')).toBeUndefined();
    await cache.set('a', 'k', { v: 1 });
    expect(await cache.get('a', 'k')).toEqual({ v: 1 });
    expect(await cache.getMany('a', ['k', 'missing'])).toEqual([{ v: 1 }, undefined]);
    expect(await cache.get('b', 'k')).toBeUndefined();
    expect(cache.stats()).toEqual({
      a: { hits: 2, misses: 2, hitRatio: 2 / 4 },
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

  it('stores entries with their TTL (the default: CACHE_TTL)', async () => {
    await cache.set('t', 'k', 'v', 7);
    await cache.set('t', 'default', 'v');
    if (backend.client) {
      const ttl = await backend.client.pttl(`${config.redisPrefix}:t:k`);
      expect(ttl).toBeGreaterThan(6_000);
      expect(ttl).toBeLessThanOrEqual(7_000);
      const fallback = await backend.client.pttl(`${config.redisPrefix}:t:default`);
      expect(fallback).toBeGreaterThan(59_000);
      return;
    }
    jest.useFakeTimers({ now: Date.now() });
    try {
      await cache.set('t', 'k', 'v', 7);
      jest.advanceTimersByTime(6_999);
      expect(await cache.get('t', 'k')).toBe('v');
      jest.advanceTimersByTime(2);
      expect(await cache.get('t', 'k')).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('CacheService when Redis is unreachable', () => {
  it('turns errors into misses instead of failing or holding the read', async () => {
    const dead = new IORedis({
      port: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    dead.on('error', () => undefined);
    try {
      const strings = new RedisStringStore(dead);
      const cache = new CacheService(
        { cacheTtlSeconds: 60, redisPrefix: 'down' } as AppConfig,
        strings,
        new JsonObjectStore(strings),
      );
      const load = jest.fn(async () => 'fresh');
      expect(await cache.wrap('d', 'k', load)).toBe('fresh');
      await expect(cache.del('d', 'k')).resolves.toBeUndefined();
      expect(load).toHaveBeenCalledTimes(1);
      expect(cache.stats().d.misses).toBe(1);
    } finally {
      dead.disconnect();
    }
  });
});
