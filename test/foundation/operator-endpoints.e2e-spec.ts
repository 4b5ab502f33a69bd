import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;
const TOKEN = 'metrics-token-0123456789';

/** /metrics, /docs and the detail of /health/ready: safe in production, open in development. */
describe.each(testModes())('operator endpoints (%s mode)', (mode) => {
  describe('production without METRICS_TOKEN', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(mode, { listen: false, env: { NODE_ENV: 'production' } });
    });
    afterAll(() => t?.close());

    it('turns /metrics off (404 problem+json)', async () => {
      const res = await t.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).not.toMatch(/http_request/);
    });

    it('turns /docs and /docs-json off', async () => {
      for (const url of ['/docs', '/docs-json', '/docs/swagger-ui-init.js']) {
        const res = await t.inject({ method: 'GET', url });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
    });

    it('answers /health/ready with its status only', async () => {
      const res = await t.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });
  });

  describe('production with METRICS_TOKEN and DOCS_ENABLED=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(mode, {
        listen: false,
        env: { NODE_ENV: 'production', METRICS_TOKEN: TOKEN, DOCS_ENABLED: 'true' },
      });
    });
    afterAll(() => t?.close());

    it('asks for the token on /metrics and serves it with the token', async () => {
      for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer ']) {
        const res = await t.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      const ok = await t.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/http_request/);
    });

    it('shows the readiness detail only with the token', async () => {
      const anonymous = await t.inject({ method: 'GET', url: '/health/ready' });
      expect(anonymous.json()).toEqual({ status: 'ok' });
      const operator = await t.inject({
        method: 'GET',
        url: '/health/ready',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(operator.statusCode).toBe(200);
      expect(operator.json().details.database).toEqual({ status: 'up' });
    });

    it('serves the docs when enabled', async () => {
      expect((await t.inject({ method: 'GET', url: '/docs-json' })).statusCode).toBe(200);
    });
  });

  describe('development defaults', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(mode, { listen: false });
    });
    afterAll(() => t?.close());

    it('leaves /metrics, /docs-json and the readiness detail open', async () => {
      expect((await t.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
      expect((await t.inject({ method: 'GET', url: '/docs-json' })).statusCode).toBe(200);
      expect(
        (await t.inject({ method: 'GET', url: '/health/ready' })).json().details.database,
      ).toEqual({
        status: 'up',
      });
    });
  });
});
