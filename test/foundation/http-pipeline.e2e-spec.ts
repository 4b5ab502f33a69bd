import { FixturesModule } from '../support/fixtures';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe.each(testModes())('HTTP pipeline (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { imports: [FixturesModule], env: { BODY_LIMIT: '4096' } });
  });
  afterAll(() => t?.close());

  const echo = (payload: string, contentType = 'application/json') =>
    t.inject({
      method: 'POST',
      url: '/api/v1/test-fixtures/echo',
      payload,
      headers: { 'content-type': contentType },
    });

  it('serves a valid request', async () => {
    const res = await echo(
      JSON.stringify({ email: 'a@b.co', count: 2, address: { city: 'Oslo' } }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ email: 'a@b.co', count: 2, address: { city: 'Oslo' } });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await echo('{"email": ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.json()).toMatchObject({
      status: 400,
      title: 'Bad Request',
      instance: '/api/v1/test-fixtures/echo',
    });
  });

  it('rejects unknown fields (whitelist) with field errors', async () => {
    const res = await echo(
      JSON.stringify({ email: 'a@b.co', count: 2, address: { city: 'Oslo' }, role: 'admin' }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.type).toBe('https://nexus.dev/problems/validation');
    expect(body.errors).toEqual([{ field: 'role', messages: ['property role should not exist'] }]);
  });

  it('reports every invalid field, nested ones with dotted paths', async () => {
    const res = await echo(JSON.stringify({ email: 'nope', count: 99, address: { city: 5 } }));
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['address.city', 'count', 'email']);
  });

  it.each([
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('rejects %s as the body with 400', async (_, payload) => {
    const res = await echo(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('answers an oversized body with 413', async () => {
    const res = await echo(JSON.stringify({ email: 'a@b.co', pad: 'x'.repeat(10_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.json().type).toBe('https://nexus.dev/problems/payload-too-large');
  });

  it('answers a wrong content type with 415', async () => {
    const res = await echo('<xml/>', 'application/xml');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/definitely-not-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.json()).toMatchObject({ status: 404, instance: '/api/v1/definitely-not-here' });
  });

  it('hides internal errors behind a generic 500 problem', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/v1/test-fixtures/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('at ');
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const ok = await t.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const bad = await t.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'a b\u00e9<script>' },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the request id through async work in RequestContext', async () => {
    const [a, b] = await Promise.all([
      t.inject({
        method: 'GET',
        url: '/api/v1/test-fixtures/context',
        headers: { 'x-request-id': 'req-a' },
      }),
      t.inject({
        method: 'GET',
        url: '/api/v1/test-fixtures/context',
        headers: { 'x-request-id': 'req-b' },
      }),
    ]);
    expect(a.json().requestId).toBe('req-a');
    expect(b.json().requestId).toBe('req-b');
  });

  it('resolves the client IP: spoofed X-Forwarded-For from an untrusted peer is ignored', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/test-fixtures/context',
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-for': '1.1.1.1' },
    });
    expect(res.json().ip).toBe('203.0.113.9');
  });

  it('reports liveness and readiness', async () => {
    expect((await t.inject('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await t.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().info).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      queues: { status: 'up', mode: mode === 'full' ? 'bullmq' : 'in-process' },
    });
  });

  it('exposes Prometheus metrics with route templates', async () => {
    await t.inject('/api/v1/ping');
    const res = await t.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /nexus_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/ping",status="200"\} \d+/,
    );
    expect(res.body).toContain('nexus_nodejs_eventloop_lag_seconds');
    expect(res.body).toMatch(/nexus_queue_jobs\{queue="email",state="waiting"\} 0/);
  });

  it('serves the OpenAPI document and Swagger UI offline', async () => {
    const doc = await t.inject('/docs-json');
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(Object.keys(spec.paths)).toContain('/api/v1/ping');
    const ui = await t.inject('/docs');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
  });
});

describe('client IP behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded', {
      imports: [FixturesModule],
      env: { TRUSTED_PROXIES: '10.0.0.0/8' },
      listen: false,
    });
  });
  afterAll(() => t?.close());

  const ipSeen = async (remoteAddress: string, xff?: string) =>
    (
      await t.inject({
        method: 'GET',
        url: '/api/v1/test-fixtures/context',
        remoteAddress,
        headers: xff ? { 'x-forwarded-for': xff } : {},
      })
    ).json().ip;

  it('honours X-Forwarded-For from the trusted proxy, rightmost untrusted hop', async () => {
    expect(await ipSeen('10.0.0.5', '6.6.6.6, 198.51.100.20')).toBe('198.51.100.20');
    expect(await ipSeen('::ffff:10.0.0.5', '198.51.100.21')).toBe('198.51.100.21');
  });

  it('ignores it from anyone else', async () => {
    expect(await ipSeen('203.0.113.50', '198.51.100.20')).toBe('203.0.113.50');
  });
});
