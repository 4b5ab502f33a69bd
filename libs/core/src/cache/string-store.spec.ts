import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { MemoryStringStore, RedisStringStore } from './string-store';

describe('MemoryStringStore', () => {
  it('returns values synchronously, in order, with misses as undefined', async () => {
    const s = new MemoryStringStore();
    await s.set('a', '1', 60);
    expect(s.mget(['a', 'b'])).toEqual(['1', undefined]);
  });

  it('expires values after their TTL', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const s = new MemoryStringStore();
      await s.set('a', '1', 10);
      jest.setSystemTime(1_000_000 + 9_999);
      expect(s.get('a')).toBe('1');
      jest.setSystemTime(1_000_000 + 10_000);
      expect(s.get('a')).toBeUndefined();
      expect(s.size).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('evicts the oldest writes beyond its entry bound', async () => {
    const s = new MemoryStringStore(2);
    await s.set('a', '1', 60);
    await s.set('b', '2', 60);
    await s.set('c', '3', 60);
    expect(s.mget(['a', 'b', 'c'])).toEqual([undefined, '2', '3']);
  });

  it('evicts beyond its size bound in characters, and counts rewrites once', async () => {
    const s = new MemoryStringStore(100, 25);
    await s.set('k1', 'x'.repeat(10), 60); // 12 characters
    await s.set('k1', 'y'.repeat(10), 60); // replaces, still 12
    await s.set('k2', 'z'.repeat(10), 60); // 24
    expect(s.mget(['k1', 'k2'])).toEqual(['y'.repeat(10), 'z'.repeat(10)]);
    await s.set('k3', 'w', 60); // 27 > 25: the oldest goes
    expect(s.mget(['k1', 'k2', 'k3'])).toEqual([undefined, 'z'.repeat(10), 'w']);
    await s.del(['k2']);
    expect(s.size).toBe(1);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
// Runs where Redis is configured (always in CI: .ci/run sets TEST_REDIS_URL).
if (redisUrl)
  describe('RedisStringStore', () => {
    const prefix = `t${randomBytes(4).toString('hex')}:`;
    let client: IORedis;
    beforeAll(() => {
      client = new IORedis(redisUrl!);
    });
    afterAll(async () => {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length) await client.del(keys);
      client.disconnect();
    });

    it('stores with a TTL and reads several keys in one MGET', async () => {
      const s = new RedisStringStore(client);
      expect(await s.set(`${prefix}a`, 'x\ny', 30)).toBe(true);
      expect(await s.mget([`${prefix}a`, `${prefix}missing`])).toEqual(['x\ny', undefined]);
      const ttl = await client.ttl(`${prefix}a`);
      expect(ttl).toBeGreaterThan(25);
      expect(ttl).toBeLessThanOrEqual(30);
    });

    it('turns an unreachable server into misses and reports unstored writes, at once', async () => {
      const dead = new IORedis({
        port: 1,
        enableOfflineQueue: false,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
      });
      dead.on('error', () => undefined);
      try {
        const s = new RedisStringStore(dead);
        const started = Date.now();
        expect(await s.mget(['a', 'b'])).toEqual([undefined, undefined]);
        expect(await s.set('a', '1', 10)).toBe(false);
        // Liveness, not speed: far below ioredis' 10 s connect timeout, which a store that waited
        // for the connection would sit out.
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        dead.disconnect();
      }
    });
  });
