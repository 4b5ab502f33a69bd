import type { LightMyRequestResponse } from 'fastify';
import { createArticle } from '../content/content-helpers';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { fullModeAvailable } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;
/** The statement time-out the app runs with here; the client gives up one second after it. */
const STATEMENT_MS = 500;
/**
 * Liveness bound: each answer must come well before a client would give up. A write whose
 * statement times out waits once more for its rollback (docs/core.md), so the worst case is twice
 * the client's bound, plus a second of slack for a loaded machine.
 */
const BOUND_MS = 2 * (STATEMENT_MS + 1000) + 1000;

// Full mode needs PostgreSQL and Redis; CI sets NEXUS_REQUIRE_FULL=true so this never skips there.
const describeFull = fullModeAvailable() ? describe : describe.skip;

/**
 * The setup is not under test, but runs with the same short time-outs: on a loaded machine a
 * step may answer 503 database-unavailable ("try again shortly"), so the setup tries again.
 */
async function retryUnavailable<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (e) {
      if (attempt >= attempts || !/: 503 .*database-unavailable/.test((e as Error).message))
        throw e;
    }
  }
}

/**
 * Issue 12, items 14–15: Redis or PostgreSQL stops answering without closing the connection (a
 * paused process, a partition). A TCP proxy between the app and the server stops forwarding while
 * every connection stays open; each kind of request must answer within a bound, then the app
 * recovers once the proxy forwards again, without a restart.
 */
describeFull('dependencies that stop answering (full mode)', () => {
  let redisProxy: TcpProxy;
  let pgProxy: TcpProxy;
  let t: TestApp;
  let user: RegisteredUser;
  let article: { id: string; slug: string };

  beforeAll(async () => {
    const redisUrl = new URL(process.env.TEST_REDIS_URL!);
    const pgUrl = new URL(process.env.TEST_DATABASE_URL!);
    redisProxy = await startTcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
    pgProxy = await startTcpProxy(Number(pgUrl.port || 5432), pgUrl.hostname);
    redisUrl.hostname = '127.0.0.1';
    redisUrl.port = String(redisProxy.port);
    t = await startTestApp('full', {
      env: {
        REDIS_URL: redisUrl.toString(),
        DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
        DB_POOL_ACQUIRE_TIMEOUT_MS: '500',
        REDIS_COMMAND_TIMEOUT_MS: '300',
      },
      rewriteDatabaseUrl: (url) => {
        url.hostname = '127.0.0.1';
        url.port = String(pgProxy.port);
        return url;
      },
    });
    user = await retryUnavailable(() => registerUser(t));
    article = await retryUnavailable(() =>
      createArticle(t, user.accessToken, { title: 'Fault tolerance' }, true),
    );
  }, 120_000);

  afterAll(async () => {
    redisProxy?.resume();
    pgProxy?.resume();
    await t?.close();
    await redisProxy?.close();
    await pgProxy?.close();
  });

  /** Sends a request and measures how long the answer took. */
  const timed = async (
    request: Parameters<TestApp['inject']>[0],
  ): Promise<{ res: LightMyRequestResponse; ms: number }> => {
    const started = performance.now();
    const res = await t.inject(request);
    return { res, ms: performance.now() - started };
  };
  const cachedRead = () => timed({ method: 'GET', url: `/api/v1/articles/${article.slug}` });
  const uncachedRead = (q: string) =>
    timed({ method: 'GET', url: `/api/v1/articles?q=${encodeURIComponent(q)}` });
  const write = (title: string) =>
    timed({
      method: 'PATCH',
      url: `/api/v1/articles/${article.id}`,
      headers: bearer(user.accessToken),
      payload: { title },
    });
  const login = () =>
    timed({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
  const ready = () => t.inject({ method: 'GET', url: '/health/ready' });
  const live = () => t.inject({ method: 'GET', url: '/health/live' });

  const expectUnavailable = ({ res, ms }: { res: LightMyRequestResponse; ms: number }) => {
    expect({ status: res.statusCode, bounded: ms < BOUND_MS }).toEqual({
      status: 503,
      bounded: true,
    });
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().type).toBe('https://nexus.dev/problems/database-unavailable');
  };
  const expectOk = ({ res, ms }: { res: LightMyRequestResponse; ms: number }, status = 200) =>
    expect({
      status: res.statusCode,
      bounded: ms < BOUND_MS,
      body: res.statusCode === status ? '' : res.body,
    }).toEqual({
      status,
      bounded: true,
      body: '',
    });

  it('Redis paused: reads, writes and login answer within the bound; readiness 503; then recovery', async () => {
    expectOk(await cachedRead());
    redisProxy.pause();
    try {
      expectOk(await cachedRead()); // a cache miss within its budget, then the database
      expectOk(await uncachedRead('redis paused'));
      expectOk(await write('Written while Redis is paused'));
      expectOk(await login());
      expect((await live()).statusCode).toBe(200);
      expect((await ready()).statusCode).toBe(503);
      const metrics = await t.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/^nexus_redis_degraded 1$/m);
      expect(metrics.body).toMatch(/^nexus_rate_limit_degraded 1$/m);
      expect(
        Number(/^nexus_redis_command_timeouts_total (\d+)/m.exec(metrics.body)?.[1]),
      ).toBeGreaterThan(0);
    } finally {
      redisProxy.resume();
    }
    await waitUntil(async () => (await ready()).statusCode === 200, { what: 'ready again' });
    expectOk(await write('Written after Redis is back'));
    const read = await cachedRead();
    expectOk(read);
    expect(read.res.json().title).toBe('Written after Redis is back');
    const metrics = await t.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/^nexus_redis_degraded 0$/m);
    expect(metrics.body).toMatch(/^nexus_rate_limit_degraded 0$/m);
  });

  it('PostgreSQL paused: cached reads 200, everything else 503 + Retry-After within the bound; then recovery', async () => {
    // Fill the cache first: the cached read must not need the database.
    await waitUntil(async () => (await cachedRead()).res.headers['x-cache'] === 'HIT', {
      what: 'article cached',
    });
    pgProxy.pause();
    try {
      const cached = await cachedRead();
      expectOk(cached);
      expect(cached.res.headers['x-cache']).toBe('HIT');
      expectUnavailable(await uncachedRead('postgres paused'));
      expectUnavailable(await write('Written while PostgreSQL is paused'));
      expectUnavailable(await login());
      expect((await live()).statusCode).toBe(200);
      expect((await ready()).statusCode).toBe(503);
      const metrics = await t.inject({ method: 'GET', url: '/metrics' });
      expect(Number(/^nexus_db_unavailable_total (\d+)/m.exec(metrics.body)?.[1])).toBeGreaterThan(
        0,
      );
      expect(metrics.body).toMatch(/^nexus_db_pool_waiting \d+$/m);
    } finally {
      pgProxy.resume();
    }
    await waitUntil(async () => (await ready()).statusCode === 200, { what: 'ready again' });
    await waitUntil(async () => (await uncachedRead('after the pause')).res.statusCode === 200, {
      what: 'database reads again',
    });
    expectOk(await write('Written after PostgreSQL is back'));
    expectOk(await login());
  });
});
