import { DataSource } from 'typeorm';
import { BlocksService, RequestLogWriter } from '@nexus/security-analytics';
import { RollupsRepository } from '../../libs/security-analytics/src/rollups/rollups.repository';
import { registerUser, bearer } from '../support/auth';
import { TestMode, testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

/** Batches are written on flush() (and at shutdown), so each test sees exactly what it sent. */
const startLoggingApp = (mode: TestMode) =>
  startTestApp(mode, { env: { REQUEST_LOG_FLUSH_MS: '60000', REQUEST_LOG_BATCH_SIZE: '50000' } });

interface LoggedRow {
  ip: string;
  method: string;
  route: string;
  path: string;
  status: number;
  userId: string | null;
  userAgent: string | null;
  requestId: string | null;
  outcome: string | null;
}

async function rows(t: TestApp, where = 'true', params: unknown[] = []): Promise<LoggedRow[]> {
  await t.app.get(RequestLogWriter).flush();
  return t.app.get(DataSource).query(
    `SELECT host(ip) AS ip, method, route, path, status, user_id AS "userId",
            user_agent AS "userAgent", request_id AS "requestId", outcome
       FROM request_log WHERE ${where} ORDER BY at, request_id`,
    params,
  );
}

describe.each(testModes())('request log (%s)', (mode) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startLoggingApp(mode);
  }, 60_000);
  afterAll(() => t?.close());

  it('records every request with its route template, redacted path, status, user and request id', async () => {
    const user = await registerUser(t);
    const ua = `log-test-${Date.now()}`;
    const me = await t.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { ...bearer(user.accessToken), 'user-agent': ua, 'x-request-id': 'req-log-1' },
    });
    expect(me.statusCode).toBe(200);
    const missing = await t.inject({
      method: 'GET',
      url: '/wp-login.php?password=hunter2&token=abc&lang=en',
      headers: { 'user-agent': ua, 'x-request-id': 'req-log-2' },
    });
    expect(missing.statusCode).toBe(404);

    const logged = await rows(t, 'user_agent = $1', [ua]);
    expect(logged).toEqual([
      {
        ip: '127.0.0.1',
        method: 'GET',
        route: '/api/v1/users/me',
        path: '/api/v1/users/me',
        status: 200,
        userId: user.id,
        userAgent: ua,
        requestId: 'req-log-1',
        outcome: null,
      },
      {
        ip: '127.0.0.1',
        method: 'GET',
        route: '(unmatched)',
        path: '/wp-login.php?password=[redacted]&token=[redacted]&lang=en',
        status: 404,
        userId: null,
        userAgent: ua,
        requestId: 'req-log-2',
        outcome: null,
      },
    ]);
    // Nothing of the secrets reached the table.
    const all = JSON.stringify(await rows(t));
    expect(all).not.toContain('hunter2');
  });

  it('records requests answered at the edge from the cache', async () => {
    const ua = `edge-${Date.now()}`;
    const first = await t.inject({ url: '/api/v1/tags', headers: { 'user-agent': ua } });
    const second = await t.inject({ url: '/api/v1/tags', headers: { 'user-agent': ua } });
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.headers['x-cache']).toBe('HIT');
    const logged = await rows(t, 'user_agent = $1', [ua]);
    expect(logged.map((r) => [r.route, r.status])).toEqual([
      ['/api/v1/tags', 200],
      ['/api/v1/tags', 200],
    ]);
  });

  it('logs the peer address, not a spoofed X-Forwarded-For from an untrusted peer', async () => {
    const ua = `spoof-${Date.now()}`;
    await t.inject({
      url: '/health/live',
      headers: { 'user-agent': ua, 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '198.51.100.7',
    });
    expect((await rows(t, 'user_agent = $1', [ua])).map((r) => r.ip)).toEqual(['198.51.100.7']);
  });

  it('keeps the rollups equal to the log, per minute, address, route and status class', async () => {
    const ua = `rollup-${Date.now()}`;
    for (let i = 0; i < 3; i++) {
      await t.inject({
        url: `/.env?i=${i}`,
        headers: { 'user-agent': ua },
        remoteAddress: '192.0.2.55',
      });
    }
    await t.inject({
      url: '/health/live',
      headers: { 'user-agent': ua },
      remoteAddress: '192.0.2.55',
    });
    await t.app.get(RequestLogWriter).flush();
    const rollups = await t.app.get(DataSource).query(
      `SELECT route, status_class AS "statusClass", sum(requests)::int AS requests,
              sum(probe_hits)::int AS "probeHits"
         FROM request_log_rollups WHERE ip = '192.0.2.55' GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(rollups).toEqual([
      { route: '/.env', statusClass: 4, requests: 3, probeHits: 3 },
      { route: '/health/live', statusClass: 2, requests: 1, probeHits: 0 },
    ]);
    const [{ logged, rolled }] = await t.app.get(DataSource).query(
      `SELECT (SELECT count(*)::int FROM request_log) AS logged,
              (SELECT sum(requests)::int FROM request_log_rollups) AS rolled`,
    );
    expect(rolled).toBe(logged);
  });

  it('keeps text with tabs, backslashes, quotes and COPY escapes as sent', async () => {
    // Special in COPY's text format: tab, backslash, `\N` (its NULL); in array literals: quotes,
    // backslashes, commas, braces and the word NULL.
    const ua = `esc-${Date.now()}\tback\\slash \\N "quoted" {a,b} NULL é ✓`;
    const path = `/probe-${Date.now()}/%5C%22`;
    const res = await t.inject({
      url: `${path}?q=x\\y\\N`,
      headers: { 'user-agent': ua },
      remoteAddress: '192.0.2.77',
    });
    expect(res.statusCode).toBe(404);
    const logged = await rows(t, 'user_agent = $1', [ua]);
    expect(logged.map((r) => [r.path, r.userAgent, r.userId, r.outcome])).toEqual([
      [`${path}?q=x\\y\\N`, ua, null, null],
    ]);
    const routes = ['a"b', 'c\\d', 'e,f {g}', 'NULL', '', '\\N\tx'];
    await t.app.get(RollupsRepository).add(
      routes.map((route) => ({
        minute: Date.UTC(2026, 0, 1),
        ip: '192.0.2.78',
        route,
        statusClass: 2,
        requests: 1,
        probeHits: 0,
        blocked: 0,
        limited: 0,
        latencyMsSum: 0.5,
      })),
    );
    const rolled = await t.app
      .get(DataSource)
      .query(`SELECT route FROM request_log_rollups WHERE ip = '192.0.2.78'`);
    expect(rolled.map((r: { route: string }) => r.route).sort()).toEqual([...routes].sort());
  });

  it('drops only a row the database refuses for its data and writes the rest of its batch', async () => {
    const writer = t.app.get(RequestLogWriter);
    const tag = `refused-${Date.now()}`;
    const row = (i: number, ip: string) => ({
      at: Date.now(),
      ip,
      method: 'GET',
      route: null,
      path: `/${tag}/${i}`,
      status: 404,
      latencyMs: 1,
      userId: null,
      userAgent: tag,
      requestId: `${tag}-${i}`,
      outcome: null,
    });
    // Nothing the api records can be refused (addresses come from the socket or a parsed header),
    // so the row is handed to the writer directly: an address that is not one.
    for (let i = 0; i < 5; i++) writer.record(row(i, i === 3 ? 'not-an-address' : '192.0.2.90'));
    const logged = await rows(t, 'user_agent = $1', [tag]);
    expect(logged.map((r) => r.requestId).sort()).toEqual([0, 1, 2, 4].map((i) => `${tag}-${i}`));
  });

  it("keeps room on the rollups' pages, so that a batch updates its keys in place", async () => {
    const [table] = await t.app
      .get(DataSource)
      .query(`SELECT reloptions FROM pg_class WHERE relname = 'request_log_rollups'`);
    expect(table.reloptions).toContain('fillfactor=70');
  });
});

describe.each(testModes())('request log behind a trusted proxy (%s)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { TRUSTED_PROXIES: '127.0.0.1/32' } });
  }, 60_000);
  afterAll(() => t?.close());

  it('logs the rightmost untrusted hop', async () => {
    const ua = `proxied-${Date.now()}`;
    await t.inject({
      url: '/health/live',
      headers: { 'user-agent': ua, 'x-forwarded-for': '203.0.113.1, 198.51.100.20' },
    });
    expect((await rows(t, 'user_agent = $1', [ua])).map((r) => r.ip)).toEqual(['198.51.100.20']);
  });
});

describe.each(testModes())('request log buffer bound (%s)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing is written until the test flushes: the buffer holds 100 rows, the rest is dropped.
    t = await startTestApp(mode, {
      env: {
        REQUEST_LOG_BUFFER_SIZE: '100',
        REQUEST_LOG_BATCH_SIZE: '50000',
        REQUEST_LOG_FLUSH_MS: '60000',
      },
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('drops and counts what does not fit, and never holds more than the bound', async () => {
    const writer = t.app.get(RequestLogWriter);
    await writer.flush();
    for (let i = 0; i < 150; i++) await t.inject({ url: '/health/live' });
    expect(writer.buffered).toBe(100);
    const metrics = (await t.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/^nexus_request_log_buffered 100$/m);
    expect(metrics).toMatch(/^nexus_request_log_dropped_total 50$/m);
    await writer.flush();
    expect(writer.buffered).toBe(0);
    expect((await t.inject({ url: '/metrics' })).body).toMatch(
      /^nexus_request_log_written_total 10[01]$/m,
    );
  });
});

describe.each(testModes())('request log of refusals at the edge (%s)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startLoggingApp(mode);
  }, 60_000);
  afterAll(() => t?.close());

  it('records a request the blacklist refused, as blocked, in the log and the rollups', async () => {
    await t.app
      .get(BlocksService)
      .create(
        { cidr: '198.51.100.0/24', reason: 'request-log test' },
        { id: null, ip: '127.0.0.1' },
      );
    const ua = `blocked-${Date.now()}`;
    const res = await t.inject({
      url: '/api/v1/tags',
      headers: { 'user-agent': ua },
      remoteAddress: '198.51.100.9',
    });
    expect(res.statusCode).toBe(403);
    expect((await rows(t, 'user_agent = $1', [ua])).map((r) => [r.status, r.outcome])).toEqual([
      [403, 'blocked'],
    ]);
    const [r] = await t.app
      .get(DataSource)
      .query(
        `SELECT sum(blocked)::int AS blocked FROM request_log_rollups WHERE ip = '198.51.100.9'`,
      );
    expect(r.blocked).toBe(1);
  });
});
