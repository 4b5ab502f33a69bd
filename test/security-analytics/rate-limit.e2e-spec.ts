import type { InjectOptions } from 'fastify';
import { GlobalRateLimit } from '@nexus/security-analytics';
import { bearer, registerUser } from '../support/auth';
import { fullModeAvailable, testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;
/** A cached public route (content's view cache answers it at the edge once warm). */
const CACHED = '/api/v1/tags';
const LIMIT = 5;

/** Waits, if needed, until the current 60 s window has time left for a test's requests. */
const freshWindow = () =>
  waitUntil(() => 60_000 - (Date.now() % 60_000) > 10_000, {
    timeoutMs: 11_000,
    what: 'fresh window',
  });

describe.each(testModes())('global rate limit (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, {
      env: {
        RATE_LIMIT_PER_IP: String(LIMIT),
        RATE_LIMIT_PER_USER: '8',
        TRUSTED_PROXIES: '127.0.0.1/32',
      },
    });
  });
  afterAll(() => t?.close());
  beforeEach(freshWindow);

  const get = (remoteAddress: string, opts: Partial<InjectOptions> = {}) =>
    t.inject({ method: 'GET', url: CACHED, remoteAddress, ...opts });

  it('answers 429 with the headers at the limit, on a cached route too', async () => {
    const answers = [];
    for (let i = 0; i < LIMIT + 2; i++) answers.push(await get('198.51.100.20'));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(answers.some((r) => r.headers['x-cache'] === 'HIT')).toBe(true);
    expect(answers.map((r) => r.headers['ratelimit-remaining'])).toEqual([
      '4',
      '3',
      '2',
      '1',
      '0',
      '0',
      '0',
    ]);
    expect(answers[0].headers['ratelimit-limit']).toBe('5');
    expect(answers[0].headers['ratelimit-policy']).toBe('5;w=60');
    const reset = Number(answers[0].headers['ratelimit-reset']);
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
    const refused = answers[LIMIT];
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      status: 429,
      type: 'https://nexus.dev/problems/rate-limited',
    });
    // Another client is not affected.
    expect((await get('198.51.100.21')).statusCode).toBe(200);
    const metrics = await t.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/nexus_requests_rate_limited_total\{limit="ip"\} [1-9]/);
    expect(metrics.body).toMatch(/nexus_rate_limit_degraded 0/);
  });

  it('limits an untrusted peer whatever X-Forwarded-For it sends', async () => {
    const codes = [];
    for (let i = 0; i < LIMIT + 1; i++)
      codes.push(
        (await get('198.51.100.30', { headers: { 'x-forwarded-for': `203.0.113.${i}` } }))
          .statusCode,
      );
    expect(codes.at(-1)).toBe(429);
  });

  it('behind a trusted proxy, limits the rightmost untrusted hop', async () => {
    const via = (xff: string) =>
      t.inject({ method: 'GET', url: CACHED, headers: { 'x-forwarded-for': xff } });
    const codes = [];
    for (let i = 0; i < LIMIT + 1; i++)
      codes.push((await via(`10.9.9.${i}, 198.51.100.40`)).statusCode);
    expect(codes.at(-1)).toBe(429);
    // The proxy itself (allowlisted loopback) and other clients behind it are not limited.
    expect((await via('198.51.100.41')).statusCode).toBe(200);
  });

  it('keys IPv6 clients by /64', async () => {
    const codes = [];
    for (let i = 0; i < LIMIT + 1; i++)
      codes.push((await get(`2001:db8:7:7::${i + 1}`)).statusCode);
    expect(codes.at(-1)).toBe(429);
    expect((await get('2001:db8:7:8::1')).statusCode).toBe(200);
  });

  it('counts a valid token per user (not per address), an invalid one per address', async () => {
    const user = await registerUser(t);
    const codes = [];
    for (let i = 0; i < 9; i++)
      codes.push(
        (await get(`198.51.100.${50 + i}`, { headers: bearer(user.accessToken) })).statusCode,
      );
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const limited = await get('198.51.100.70', { headers: bearer(user.accessToken) });
    expect(limited.headers['ratelimit-policy']).toBe('8;w=60');
    // A forged token counts against the address (and is refused by the guard anyway).
    const forged = await get('198.51.100.71', { headers: bearer('x.y.z') });
    expect(forged.headers['ratelimit-limit']).toBe('5');
  });
});

describe.each(testModes())('global rate limit, dry run (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, {
      env: { RATE_LIMIT_PER_IP: '2', RATE_LIMIT_DRY_RUN: 'true', BLACKLIST_DRY_RUN: 'true' },
    });
  });
  afterAll(() => t?.close());
  beforeEach(freshWindow);

  it('records what it would refuse and refuses nothing', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await t.inject({ method: 'GET', url: CACHED, remoteAddress: '198.51.100.80' })).statusCode,
      );
    expect(codes).toEqual([200, 200, 200, 200]);
    const metrics = await t.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/nexus_requests_would_rate_limit_total\{limit="ip"\} 2/);
  });
});

(fullModeAvailable() ? describe : describe.skip)(
  'global rate limit across instances (full mode)',
  () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      a = await startTestApp('full', {
        env: { RATE_LIMIT_PER_IP: '10', RATE_LIMIT_SYNC_MS: '20' },
      });
      b = await startTestApp('full', {
        shareWith: a,
        env: { RATE_LIMIT_PER_IP: '10', RATE_LIMIT_SYNC_MS: '20' },
      });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });
    beforeEach(freshWindow);

    it('holds across two api instances', async () => {
      const get = (t: TestApp) =>
        t.inject({ method: 'GET', url: CACHED, remoteAddress: '198.51.100.90' });
      for (let i = 0; i < 6; i++) expect((await get(a)).statusCode).toBe(200);
      await a.app.get(GlobalRateLimit).counters.sync();
      // b learns a's 6 with its first sync; after that it admits only the rest of the 10.
      expect((await get(b)).statusCode).toBe(200);
      await b.app.get(GlobalRateLimit).counters.sync();
      const onB = [];
      for (let i = 0; i < 5; i++) onB.push((await get(b)).statusCode);
      expect(onB).toEqual([200, 200, 200, 429, 429]);
    });

    it('Redis cut: still served and limited in memory (degraded), then counting returns to Redis', async () => {
      const proxy = await startTcpProxy(Number(new URL(process.env.TEST_REDIS_URL!).port || 6379));
      const c = await startTestApp('full', {
        shareWith: a,
        env: { RATE_LIMIT_PER_IP: '3', REDIS_URL: `redis://127.0.0.1:${proxy.port}` },
      });
      try {
        const limiter = c.app.get(GlobalRateLimit).counters;
        const get = (ip: string) => c.inject({ method: 'GET', url: CACHED, remoteAddress: ip });
        expect((await get('198.51.100.95')).statusCode).toBe(200);
        proxy.cut();
        await waitUntil(
          async () => {
            await limiter.sync();
            return limiter.degraded;
          },
          { what: 'degraded' },
        );
        const metrics = await c.inject({ method: 'GET', url: '/metrics' });
        expect(metrics.body).toMatch(/nexus_rate_limit_degraded 1/);
        const codes = [];
        for (let i = 0; i < 4; i++) codes.push((await get('198.51.100.96')).statusCode);
        expect(codes).toEqual([200, 200, 200, 429]);
        proxy.restore();
        await waitUntil(
          async () => {
            await limiter.sync();
            return !limiter.degraded;
          },
          { what: 'counting back in Redis' },
        );
        // The counts made during the outage reached Redis: instance a (always connected) sees them.
        const onA = await a.inject({ method: 'GET', url: CACHED, remoteAddress: '198.51.100.96' });
        await a.app.get(GlobalRateLimit).counters.sync();
        expect(onA.statusCode).toBe(200);
        const again = await a.inject({
          method: 'GET',
          url: CACHED,
          remoteAddress: '198.51.100.96',
        });
        expect(Number(again.headers['ratelimit-remaining'])).toBe(10 - 3 - 2);
      } finally {
        await c.close();
        await proxy.close();
      }
    });
  },
);
