import { testModes } from '../support/modes';
import { registeredRoutes as registered, RouteRecorderModule } from '../support/route-recorder';
import { startTestApp, TestApp } from '../support/test-app';
import type { OpenApiDocument } from './openapi-operations';
import { readCommittedDocument } from '../contract/openapi-schema';

/**
 * Routes that are deliberately not operations of the OpenAPI document, each with its reason.
 * Anything else the app serves must be documented: no undocumented surface.
 */
const UNDOCUMENTED: { method: string; url: RegExp; why: string; fullModeOnly?: boolean }[] = [
  { method: 'GET', url: /^\/docs(\/.*)?$/, why: 'Swagger UI: the HTML page and its static assets' },
  { method: 'GET', url: /^\/docs-(json|yaml)$/, why: 'the OpenAPI document itself' },
  {
    method: 'GET',
    url: /^\/admin\/security(\/assets\/:file)?$/,
    why: 'security dashboard: a static HTML page and its assets (its data comes from the documented admin API)',
  },
  {
    method: 'GET',
    url: /^\/metrics$/,
    why: 'Prometheus scrape endpoint (text format), not part of the API',
  },
  ...['GET', 'PUT', 'POST', 'PATCH'].map((method) => ({
    method,
    url: /^\/admin\/queues(\/.*)?$/,
    why: 'Bull Board (full mode): its UI, assets and its own API, admins only',
    fullModeOnly: true,
  })),
  {
    method: 'GET',
    url: /^\/api\/v1\/notifications\/unsubscribe$/,
    why: "the HTML page behind an email's signed unsubscribe link; its button is the documented POST",
  },
  ...['GET', 'POST', 'DELETE'].map((method) => ({
    method,
    url: /^\/api\/v1\/admin\/security\/cli\/blocks$/,
    why: 'operator CLI channel (embedded mode): 404 without the token in DATA_DIR/.operator.json',
  })),
  { method: 'GET', url: /^\/graphql$/, why: 'GraphQL: described by schema.graphql, not OpenAPI' },
  { method: 'POST', url: /^\/graphql$/, why: 'GraphQL: described by schema.graphql, not OpenAPI' },
  {
    method: 'GET',
    url: /^\/graphiql(\/assets\/:file)?$/,
    why: 'GraphiQL IDE: the HTML page and its static assets',
  },
];

describe.each(testModes())('route inventory (%s mode)', (mode) => {
  let t: TestApp;
  let documented: Set<string>;
  /** The committed contract (`openapi.json`): a route missing there is missing for clients. */
  let committed: Set<string>;
  beforeAll(async () => {
    registered.length = 0;
    t = await startTestApp(mode, { imports: [RouteRecorderModule], listen: false });
    const doc = (await t.inject({ method: 'GET', url: '/docs-json' })).json() as OpenApiDocument;
    const operations = (d: { paths: Record<string, object> }) =>
      new Set(
        Object.entries(d.paths).flatMap(([path, item]) =>
          Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
        ),
      );
    documented = operations(doc);
    committed = operations(readCommittedDocument());
  });
  afterAll(() => t?.close());

  /** Fastify's `/articles/:slug` as OpenAPI's `/articles/{slug}`. */
  const asOpenApi = (url: string) => url.replace(/:(\w+)/g, '{$1}');

  it('records the routes the app registered', () => {
    expect(registered.length).toBeGreaterThan(30);
    expect(registered).toContainEqual({ method: 'GET', url: '/api/v1/articles/:slug' });
  });

  it('documents every registered route except the commented allow-list', () => {
    const missingFrom = (ops: Set<string>) =>
      registered
        // Fastify adds a HEAD route for every GET; the GET is what the document describes.
        .filter((r) => r.method !== 'HEAD')
        .filter((r) => !ops.has(`${r.method} ${asOpenApi(r.url)}`))
        .filter((r) => !UNDOCUMENTED.some((a) => a.method === r.method && a.url.test(r.url)))
        .map((r) => `${r.method} ${r.url}`);
    expect(missingFrom(documented)).toEqual([]);
    // Else: `npm run openapi` and commit openapi.json.
    expect({ 'missing from openapi.json': missingFrom(committed) }).toEqual({
      'missing from openapi.json': [],
    });
  });

  it('documents nothing the app does not serve, and needs every allow-list entry', () => {
    const served = new Set(registered.map((r) => `${r.method} ${asOpenApi(r.url)}`));
    expect([...documented].filter((op) => !served.has(op))).toEqual([]);
    for (const entry of UNDOCUMENTED.filter((e) => mode === 'full' || !e.fullModeOnly)) {
      expect({
        entry: entry.url.source,
        used: registered.some((r) => r.method === entry.method && entry.url.test(r.url)),
      }).toEqual({
        entry: entry.url.source,
        used: true,
      });
    }
  });
});
