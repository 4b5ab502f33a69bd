import { connect } from 'node:net';
import { registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { createArticle } from '../content/content-helpers';

type Headers = Record<string, string | string[] | number | undefined>;

/** Parses a CSP header into directive → sources. */
function parseCsp(header: unknown): Map<string, string[]> {
  const csp = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) csp.set(name.toLowerCase(), sources);
  }
  return csp;
}

/** What every answer carries, JSON or page. */
function expectCommonHeaders(headers: Headers): Map<string, string[]> {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  const csp = parseCsp(headers['content-security-policy']);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.has('upgrade-insecure-requests')).toBe(false);
  expect(headers['strict-transport-security']).toBeUndefined();
  expect(headers['x-powered-by']).toBeUndefined();
  return csp;
}

/** A JSON answer: a CSP that allows nothing, and none of the headers that only govern pages. */
function expectSecurityHeaders(headers: Headers): void {
  const csp = expectCommonHeaders(headers);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  for (const page of [
    'cross-origin-opener-policy',
    'origin-agent-cluster',
    'x-dns-prefetch-control',
  ])
    expect({ [page]: headers[page] }).toEqual({ [page]: undefined });
}

/** A page or its assets: helmet's policy for documents. */
function expectDocumentHeaders(headers: Headers): void {
  const csp = expectCommonHeaders(headers);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['x-dns-prefetch-control']).toBe('off');
}

describe.each(testModes())('security headers (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.close());

  it.each([
    ['an API read', '/api/v1/tags'],
    ['a 404', '/api/v1/no-such-route'],
    ['a validation error', '/api/v1/articles?limit=abc'],
    ['a router error before any hook', '/api/v1/articles/%zz'],
    ['health', '/health/live'],
  ])('are on %s', async (_, url) => {
    const res = await t.inject({ method: 'GET', url });
    expectSecurityHeaders(res.headers);
  });

  it.each([
    ['Swagger UI', '/docs'],
    ['the OpenAPI document', '/docs-json'],
    ['GraphiQL', '/graphiql'],
    ['the security dashboard', '/admin/security'],
    ['a router error on a page path', '/docs/%zz'],
  ])("are helmet's policy for documents on %s", async (_, url) => {
    const res = await t.inject({ method: 'GET', url });
    expectDocumentHeaders(res.headers);
  });

  it('are on an article answered from the cache at the edge', async () => {
    const author = await registerUser(t);
    const article = await createArticle(
      t,
      author.accessToken,
      { title: 'Headers at the edge' },
      true,
    );
    const first = await t.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}` });
    expect(first.headers['x-cache']).toBe('MISS');
    const cached = await t.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}` });
    expect(cached.statusCode).toBe(200);
    expect(cached.headers['x-cache']).toBe('HIT');
    expectSecurityHeaders(cached.headers);
  });

  it('are on an answer written on the socket (headers too large)', async () => {
    const { port } = new URL(t.url);
    const answer = await new Promise<string>((resolve, reject) => {
      let data = '';
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      );
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (data += chunk));
      socket.on('error', (err: NodeJS.ErrnoException) =>
        err.code === 'ECONNRESET' ? resolve(data) : reject(err),
      );
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
  });

  it('let Swagger UI load: every asset /docs references is served by the app and allowed by its CSP', async () => {
    const page = await t.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = parseCsp(page.headers['content-security-policy']);
    const html = page.body;

    // Inline scripts would be blocked by script-src 'self'; Swagger UI's page has none.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const attrs of scripts) expect(attrs).toMatch(/\bsrc=/);
    // Its inline <style> blocks need 'unsafe-inline' styles.
    if (/<style\b/i.test(html)) expect(csp.get('style-src')).toContain("'unsafe-inline'");

    const refs = [
      ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => ({
        kind: 'script-src',
        ref: m[1],
      })),
      ...[...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"/gi)].map((m) => ({
        kind: 'style-src',
        ref: m[1],
      })),
    ];
    expect(refs.filter((r) => r.kind === 'style-src').length).toBeGreaterThan(0);
    const base = new URL('http://app.test/docs');
    for (const { kind, ref } of refs) {
      const url = new URL(ref, base);
      // Same origin as the page: what 'self' allows.
      expect(url.origin).toBe(base.origin);
      expect(csp.get(kind) ?? csp.get('default-src')).toContain("'self'");
      const asset = await t.inject({ method: 'GET', url: url.pathname });
      expect({ ref, status: asset.statusCode }).toEqual({ ref, status: 200 });
      if (ref.endsWith('.js')) expect(asset.headers['content-type']).toMatch(/javascript/);
      if (ref.endsWith('.css')) expect(asset.headers['content-type']).toMatch(/^text\/css/);
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    }
    // The page fetches the OpenAPI document from the same origin (connect-src falls back to 'self').
    expect(csp.get('connect-src') ?? csp.get('default-src')).toContain("'self'");
    const init = await t.inject({ method: 'GET', url: '/docs/swagger-ui-init.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).not.toMatch(/https?:\/\/(?!localhost)[^"'\s]+\.(js|css)/);
  });
});

describe('HSTS', () => {
  it('is sent with the configured max-age when HSTS_MAX_AGE is set, with upgrade-insecure-requests', async () => {
    const t = await startTestApp('embedded', { listen: false, env: { HSTS_MAX_AGE: '31536000' } });
    try {
      const res = await t.inject({ method: 'GET', url: '/health/live' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      const page = await t.inject({ method: 'GET', url: '/docs' });
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(
        parseCsp(page.headers['content-security-policy']).has('upgrade-insecure-requests'),
      ).toBe(true);
    } finally {
      await t.close();
    }
  });
});
