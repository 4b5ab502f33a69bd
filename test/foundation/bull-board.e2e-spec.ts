import { ADMIN_ENV, bearer, loginAsAdmin, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe.each(testModes())('Bull Board at /admin/queues (%s mode)', (mode) => {
  let t: TestApp;
  let admin: string;
  let user: string;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    admin = (await loginAsAdmin(t)).accessToken;
    user = (await registerUser(t)).accessToken;
  });
  afterAll(() => t?.close());

  if (mode === 'embedded') {
    it('is not mounted without Redis (BullMQ): 404', async () => {
      const res = await t.inject({ url: '/admin/queues', headers: bearer(admin) });
      expect(res.statusCode).toBe(404);
    });
    return;
  }

  it('answers 401 to anonymous callers and to invalid tokens, on the page, its assets and its API', async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/x.js']) {
      const anon = await t.inject({ url });
      expect({ url, status: anon.statusCode }).toEqual({ url, status: 401 });
      expect(anon.headers['content-type']).toMatch(PROBLEM);
      expect(anon.headers['www-authenticate']).toBe('Bearer');
      const bad = await t.inject({ url, headers: bearer('not-a-token') });
      expect(bad.statusCode).toBe(401);
    }
  });

  it('answers 403 to a signed-in user who is not an admin', async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
      const res = await t.inject({ url, headers: bearer(user) });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('serves the UI, its assets (from this app, allowed by the CSP) and the queues to an admin', async () => {
    const page = await t.inject({ url: '/admin/queues', headers: bearer(admin) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<base href="/admin/queues/"');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    const scripts = [...page.body.matchAll(/<script defer src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      // Relative to <base>: served by this app, so 'self' covers them.
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const asset = await t.inject({ url: `/admin/queues/${src}`, headers: bearer(admin) });
      expect({ src, status: asset.statusCode }).toEqual({ src, status: 200 });
      expect(asset.headers['content-type']).toMatch(/javascript/);
    }
    const api = await t.inject({ url: '/admin/queues/api/queues', headers: bearer(admin) });
    expect(api.statusCode).toBe(200);
    expect(api.json().queues.map((q: { name: string }) => q.name)).toContain('email');
  });
});
