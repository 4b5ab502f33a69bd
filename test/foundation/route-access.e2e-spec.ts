import { EdgeSafetyCheck, RouteAccess } from '@nexus/core';
import { createSigner } from 'fast-jwt';
import { createArticle } from '../content/content-helpers';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { registeredRoutes as registered, RouteRecorderModule } from '../support/route-recorder';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

/** Swagger UI and document: static files Fastify serves outside Nest (no data, no guard). */
const DOCS = /^\/docs(-json|-yaml|\/.*)?$/;
/** GraphQL and its IDE: access is decided per operation (test/graphql/graphql-access.e2e-spec.ts). */
const GRAPHQL = /^\/graphi?ql(\/.*)?$/;
/**
 * Pages served by Fastify outside Nest: the security dashboard (static files; its data comes from
 * the admin API, test/security-analytics/dashboard.e2e-spec.ts) and Bull Board (its own admin
 * check, test/foundation/bull-board.e2e-spec.ts).
 */
const PAGES = /^\/admin\/(security|queues)(\/.*)?$/;

const SAMPLE_PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  sessionId: '00000000-0000-4000-8000-000000000000',
  slug: 'no-such-article',
  username: 'no_such_user',
  ip: '192.0.2.1',
};

/** A request URL for a route pattern (`/api/v1/articles/:slug` → a concrete path). */
function sampleUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const value = SAMPLE_PARAMS[name];
    if (!value) throw new Error(`No sample value for :${name} in ${url}`);
    return value;
  });
}

/** `GET /articles/:slug` for both Fastify's URL and the check's route (no global prefix). */
const keyOf = (method: string, url: string) =>
  `${method} ${url.replace(/^\/api\/v1\//, '/').replace(/^\/?/, '/')}`;

describe.each(testModes())('route access (%s mode)', (mode) => {
  let t: TestApp;
  let declared: Map<string, RouteAccess>;
  let routes: { method: string; url: string; access: RouteAccess }[];

  beforeAll(async () => {
    registered.length = 0;
    t = await startTestApp(mode, { imports: [RouteRecorderModule] });
    declared = new Map(
      t.app
        .get(EdgeSafetyCheck)
        .routes()
        .map((r) => [keyOf(r.method, r.path), r.access]),
    );
    routes = registered
      .filter(
        (r) =>
          r.method !== 'HEAD' && !DOCS.test(r.url) && !GRAPHQL.test(r.url) && !PAGES.test(r.url),
      )
      .map((r) => {
        const access = declared.get(keyOf(r.method, r.url));
        if (!access) throw new Error(`Route ${r.method} ${r.url} is not a Nest route`);
        return { ...r, access };
      });
  });

  afterAll(() => t?.close());

  it('sees every route of the app', () => {
    // Every Nest route reached Fastify, and the walk covers the areas of the API.
    expect(routes.length).toBe(declared.size);
    const urls = routes.map((r) => `${r.method} ${r.url}`);
    for (const expected of [
      'GET /health/live',
      'GET /metrics',
      'GET /api/v1/users/me',
      'GET /api/v1/articles/:slug',
      'PATCH /api/v1/admin/users/:id',
      'GET /api/v1/admin/cache/metrics',
    ]) {
      expect(urls).toContain(expected);
    }
    expect(registered.some((r) => r.url === '/docs-json')).toBe(true);
  });

  it('answers an anonymous request with 401 on every route not declared public', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await t.inject({ method: route.method as 'GET', url: sampleUrl(route.url) });
      const refused = res.statusCode === 401 && PROBLEM.test(String(res.headers['content-type']));
      if (route.access === 'authenticated' ? !refused : res.statusCode === 401) {
        wrong.push(`${route.method} ${route.url} (${route.access}): ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    // Both kinds exist: the walk proves something in each direction.
    expect(routes.filter((r) => r.access === 'authenticated').length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.access !== 'authenticated').length).toBeGreaterThan(10);
  });

  it('answers a request with an invalid Bearer token with 401 problem+json on every route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await t.inject({
        method: route.method as 'GET',
        url: sampleUrl(route.url),
        headers: { authorization: 'Bearer not.a.jwt' },
      });
      if (res.statusCode !== 401 || !PROBLEM.test(String(res.headers['content-type']))) {
        wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the documentation reachable anonymously', async () => {
    for (const url of ['/docs', '/docs-json']) {
      expect((await t.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
  });

  it('documents bearer security on protected operations and none on public ones', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/docs-json' })).json() as {
      security?: object[];
      paths: Record<string, Record<string, { security?: object[] }>>;
    };
    expect(doc.security).toEqual([{ bearer: [] }]);
    const wrong: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        const access = declared.get(keyOf(method.toUpperCase(), url));
        if (!access) continue;
        checked++;
        const security = operation.security ?? doc.security;
        const expected = {
          public: [],
          optional: [{}, { bearer: [] }],
          authenticated: [{ bearer: [] }],
        }[access];
        if (JSON.stringify(security) !== JSON.stringify(expected)) {
          wrong.push(`${method} ${path} (${access}): ${JSON.stringify(security)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  describe('one credential rule, cached answers included', () => {
    let author: RegisteredUser;
    let slug: string;
    const publicReads = () => [
      '/api/v1/tags',
      '/api/v1/articles',
      '/api/v1/trending',
      `/api/v1/articles/${slug}`,
      `/api/v1/users/${author.username}`,
      `/api/v1/users/${author.username}/followers`,
      `/api/v1/users/${author.username}/following`,
    ];

    beforeAll(async () => {
      author = await registerUser(t);
      slug = (await createArticle(t, author.accessToken, { title: 'Access rules' }, true)).slug;
    });

    it('refuses every kind of bad credential on public routes, even when the answer is cached', async () => {
      const { sub, sid } = JSON.parse(
        Buffer.from(author.accessToken.split('.')[1], 'base64url').toString(),
      ) as { sub: string; sid: string };
      const expired = createSigner({
        key: t.config.jwtSecret,
        iss: 'nexus',
        aud: 'nexus-api',
        expiresIn: 60_000,
        clockTimestamp: Date.now() - 3_600_000,
      })({ sub, sid });
      const revoked = await registerUser(t);
      const out = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/logout-all',
        headers: bearer(revoked.accessToken),
      });
      expect(out.statusCode).toBe(204);

      for (const url of publicReads()) {
        // Twice: the listing cache admits a query on its second miss; then the edge answers it.
        for (let i = 0; i < 2; i++) expect((await t.inject({ url })).statusCode).toBe(200);
        const anonymous = await t.inject({ url });
        expect(anonymous.statusCode).toBe(200);
        if (!url.includes('/users/')) expect(anonymous.headers['x-cache']).toBe('HIT');

        for (const authorization of [
          'Bearer not.a.jwt',
          'Bearer',
          'Basic dXNlcjpwYXNzd29yZA==',
          `Bearer ${expired}`,
          `Bearer ${revoked.accessToken}`,
        ]) {
          const res = await t.inject({ url, headers: { authorization } });
          expect({ url, authorization, status: res.statusCode }).toEqual({
            url,
            authorization,
            status: 401,
          });
          expect(res.headers['content-type']).toMatch(PROBLEM);
          expect(res.headers['x-cache']).toBeUndefined();
        }
        // A valid token still works on every public route.
        const ok = await t.inject({ url, headers: bearer(author.accessToken) });
        expect(ok.statusCode).toBe(200);
      }
    });

    it('never answers a request with an Authorization header from the edge', async () => {
      const url = '/api/v1/tags';
      await t.inject({ url });
      expect((await t.inject({ url })).headers['x-cache']).toBe('HIT');
      // The edge would answer without asking the guard; the guard's 401 proves Nest saw it.
      const res = await t.inject({ url, headers: { authorization: 'Bearer not.a.jwt' } });
      expect(res.statusCode).toBe(401);
    });

    it('marks answers to authenticated requests private, no-store', async () => {
      const headers = bearer(author.accessToken);
      const personal = [
        '/api/v1/users/me',
        '/api/v1/users/me/sessions',
        `/api/v1/users/${author.username}`,
        '/api/v1/feed',
      ];
      for (const url of personal) {
        const res = await t.inject({ url, headers });
        expect({ url, status: res.statusCode, cache: res.headers['cache-control'] }).toEqual({
          url,
          status: 200,
          cache: 'private, no-store',
        });
      }
      // Anonymous answers of the same public route are not private.
      const profile = await t.inject({ url: `/api/v1/users/${author.username}` });
      expect(profile.headers['cache-control']).toBeUndefined();
      // A handler's own Cache-Control wins: the shared view of a published article stays public.
      const article = await t.inject({ url: `/api/v1/articles/${slug}`, headers });
      expect(article.headers['cache-control']).toBe('public, no-cache');
    });
  });
});
