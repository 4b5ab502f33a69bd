import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { RateLimitService } from './rate-limit.service';
import { waitUntil } from '../../../../test/support/sync';
import { startTcpProxy } from '../../../../test/support/tcp-proxy';

const redisUrl = process.env.TEST_REDIS_URL;
const backends: [string, string | undefined][] = [['memory', undefined]];
if (redisUrl) backends.push(['redis', redisUrl]);

const configFor = (url?: string) =>
  ({
    redisUrl: url,
    redisPrefix: `t${randomBytes(4).toString('hex')}`,
    redisCommandTimeoutMs: 1000,
  }) as AppConfig;

describe.each(backends)('RateLimitService (%s)', (_, url) => {
  let redis: RedisService;
  let service: RateLimitService;

  beforeEach(async () => {
    const config = configFor(url);
    redis = new RedisService(config);
    service = new RateLimitService(config, redis);
    // Until the client is ready the in-memory insurance limiter answers instead of Redis.
    if (url) await redis.client!.ping();
  });
  afterEach(() => redis.onApplicationShutdown());

  it('allows up to the limit, then refuses with a retry delay', async () => {
    const limiter = service.create({ keyPrefix: 'login', points: 3, durationSeconds: 60 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume('1.2.3.4'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[2].remaining).toBe(0);
    expect(results[3].retryAfterMs).toBeGreaterThan(50_000);
    expect(results[3].limit).toBe(3);
    // Other keys are counted separately.
    expect((await limiter.consume('5.6.7.8')).allowed).toBe(true);
  });

  it('blocks for the block duration once exhausted, and reset lifts it', async () => {
    const limiter = service.create({
      keyPrefix: 'b',
      points: 1,
      durationSeconds: 1,
      blockSeconds: 120,
    });
    await limiter.consume('k');
    const refused = await limiter.consume('k');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(100_000);
    await limiter.reset('k');
    expect((await limiter.consume('k')).allowed).toBe(true);
  });

  it('peeks without consuming and can block explicitly', async () => {
    const limiter = service.create({ keyPrefix: 'p', points: 2, durationSeconds: 60 });
    expect((await limiter.peek('x')).remaining).toBe(2);
    await limiter.consume('x');
    expect((await limiter.peek('x')).remaining).toBe(1);
    expect((await limiter.peek('x')).remaining).toBe(1);
    await limiter.block('y', 30);
    const blocked = await limiter.consume('y');
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterMs).toBeGreaterThan(25_000);
  });

  it('a window ends and points come back', async () => {
    // Memory: the limiter's clock is Jest's; Redis ends the window on its own clock, so the test
    // waits (peeking, which consumes nothing) for the point to come back.
    if (!url) jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const limiter = service.create({ keyPrefix: 'w', points: 1, durationSeconds: 1 });
      expect((await limiter.consume('z')).allowed).toBe(true);
      expect((await limiter.consume('z')).allowed).toBe(false);
      if (!url) {
        jest.advanceTimersByTime(900);
        expect((await limiter.consume('z')).allowed).toBe(false);
        jest.advanceTimersByTime(200);
      } else {
        await waitUntil(async () => (await limiter.peek('z')).remaining === 1, {
          what: 'window end',
        });
      }
      expect((await limiter.consume('z')).allowed).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('RateLimitService when Redis is unreachable', () => {
  it('falls back to the in-memory insurance limiter instead of throwing', async () => {
    const config = configFor('redis://127.0.0.1:1'); // nothing listens on port 1
    const redis = new RedisService(config);
    const limiter = new RateLimitService(config, redis).create({
      keyPrefix: 'down',
      points: 2,
      durationSeconds: 60,
    });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await limiter.consume('ip'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
    redis.client!.disconnect();
  });
});

(redisUrl ? describe : describe.skip)('RateLimitService when Redis stops answering', () => {
  it('answers from memory within the command budget, marks Redis degraded, and recovers', async () => {
    const target = new URL(redisUrl!);
    const proxy = await startTcpProxy(Number(target.port || 6379), target.hostname);
    target.hostname = '127.0.0.1';
    target.port = String(proxy.port);
    const config = { ...configFor(target.toString()), redisCommandTimeoutMs: 200 };
    const redis = new RedisService(config);
    const service = new RateLimitService(config, redis);
    try {
      await redis.client!.ping();
      const limiter = service.create({ keyPrefix: 'stall', points: 2, durationSeconds: 60 });
      expect((await limiter.consume('ip')).allowed).toBe(true);
      proxy.pause();
      const started = performance.now();
      const stalled = await limiter.consume('ip');
      // Liveness: the budget (200 ms), not the stalled server, decides when it answers.
      expect(performance.now() - started).toBeLessThan(2000);
      expect(stalled.allowed).toBe(true);
      expect(service.degraded).toBe(true);
      expect(redis.commandTimeouts).toBeGreaterThan(0);
      // Degraded: counted in memory without waiting for Redis again.
      expect((await limiter.consume('ip')).allowed).toBe(true);
      expect((await limiter.consume('ip')).allowed).toBe(false);
      proxy.resume();
      await waitUntil(() => !service.degraded, { what: 'Redis answers again' });
      // Back on Redis: its own count (one point taken before the pause).
      expect((await limiter.consume('ip')).remaining).toBe(0);
    } finally {
      proxy.resume();
      await redis.onApplicationShutdown();
      await proxy.close();
    }
  });
});
