import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { ADMIN_ENV, bearer, loginAsAdmin, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { createArticle } from '../content/content-helpers';
import {
  BAD_CURSORS,
  BAD_UUIDS,
  CONTENT_TYPES,
  encodeComponent,
  HOSTILE_STRINGS,
  hostileValue,
  NUMERIC_TEXT,
  OpenApiDocument,
  Operation,
  operationsOf,
  RAW_BODIES,
  sampleOf,
} from './openapi-operations';

/**
 * Every operation of the app's own OpenAPI document, anonymous and authenticated, fed wrong
 * types, missing and extra fields, hostile strings, bad ids and cursors, odd numbers, deep and
 * malformed JSON, wrong content types, repeated parameters, long paths and headers. The app must
 * answer each with a status below 500, every error as problem+json, each within 5 s, and still be
 * live at the end. `FUZZ_RUNS` (random requests per operation) and `FUZZ_SEED` reproduce or extend
 * a run: `npm run test:fuzz -- --runs 500 --seed 123`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const MAX_MS = 5_000;
/** Where the suite signs in again from, apart from the address it fuzzes from. */
const RELOGIN_ADDRESS = '198.51.100.254';
const PROBLEM = /^application\/problem\+json/;

type Identity = 'anonymous' | 'user' | 'admin' | 'bad-token';

interface FuzzRequest {
  identity: Identity;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const describeRequest = (r: FuzzRequest) => {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${r.identity} ${r.method} ${cut(r.url)} headers=${cut(JSON.stringify(r.headers))} body=${cut(JSON.stringify(r.payload ?? null))}`;
};

describe.each(testModes())('OpenAPI fuzz (%s mode)', (mode) => {
  let t: TestApp;
  let operations: Operation[];
  let user: RegisteredUser;
  let victim: RegisteredUser;
  const tokens: Record<'user' | 'admin', string> = { user: '', admin: '' };
  const candidates: Record<string, string[]> = {};
  let sent = 0;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    user = await registerUser(t);
    victim = await registerUser(t);
    tokens.user = user.accessToken;
    tokens.admin = (await loginAsAdmin(t)).accessToken;
    const own = await createArticle(t, user.accessToken, { title: 'Fuzz own draft' });
    const published = await createArticle(
      t,
      victim.accessToken,
      { title: 'Fuzz published', tags: ['fuzz'] },
      true,
    );
    const comment = await t.inject({
      method: 'POST',
      url: `/api/v1/articles/${published.id}/comments`,
      headers: bearer(victim.accessToken),
      payload: { body: 'A comment to fuzz' },
    });
    candidates.slug = [published.slug];
    candidates.articleId = [own.id, published.id];
    candidates.commentId = comment.statusCode === 201 ? [comment.json().id] : [randomUUID()];
    candidates.userId = [victim.id];
    candidates.username = [victim.username, user.username];
    const doc = await t.inject({ method: 'GET', url: '/docs-json' });
    expect(doc.statusCode).toBe(200);
    operations = operationsOf(doc.json() as OpenApiDocument);
  });
  afterAll(() => t?.close());

  /** Existing values for a path parameter, so that requests also get past the 404. */
  const validFor = (op: Operation, name: string): string[] => {
    if (name === 'slug') return candidates.slug;
    if (name === 'username') return candidates.username;
    if (name === 'id') {
      if (op.path.includes('/admin/users/')) return candidates.userId;
      if (op.path.startsWith('/api/v1/comments/')) return candidates.commentId;
      return candidates.articleId;
    }
    return [randomUUID()];
  };

  const headersFor = (identity: Identity): Record<string, string> => {
    if (identity === 'user' || identity === 'admin') return bearer(tokens[identity]);
    if (identity === 'bad-token') return { authorization: 'Bearer not.a.jwt' };
    return {};
  };

  /** Sends one request and checks the invariants; throws a readable error when one breaks. */
  const send = async (r: FuzzRequest): Promise<void> => {
    const headers = { ...headersFor(r.identity), ...r.headers };
    const started = performance.now();
    const res = await t.inject({
      method: r.method as 'GET',
      url: r.url,
      headers,
      payload: r.payload,
    });
    const ms = performance.now() - started;
    sent++;
    const fail = (why: string) => {
      throw new Error(
        `${why}\n  request: ${describeRequest(r)}\n  answer: ${res.statusCode} ${res.body.slice(0, 500)}`,
      );
    };
    if (res.statusCode >= 500) fail(`answered ${res.statusCode}`);
    if (ms > MAX_MS) fail(`took ${Math.round(ms)} ms`);
    if (res.statusCode >= 400) {
      if (!PROBLEM.test(String(res.headers['content-type'])))
        fail(`error without problem+json (${res.headers['content-type']})`);
      let status: unknown;
      try {
        status = (res.json() as { status?: unknown }).status;
      } catch {
        fail('problem+json that is not JSON');
      }
      if (status !== res.statusCode)
        fail(`problem status ${String(status)} differs from ${res.statusCode}`);
    }
    // A fuzzed request may have signed the account out (logout-all): sign in again — from an
    // address of its own, since fuzzed password checks (wrong passwords to DELETE /users/me and
    // change-password) count toward the login lockout of the fuzzing address.
    if (res.statusCode === 401 && (r.identity === 'user' || r.identity === 'admin')) {
      const [email, password] =
        r.identity === 'user'
          ? [user.email, user.password]
          : [ADMIN_ENV.ADMIN_EMAIL, ADMIN_ENV.ADMIN_PASSWORD];
      const login = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress: RELOGIN_ADDRESS,
      });
      if (login.statusCode !== 200) throw new Error(`re-login: ${login.statusCode} ${login.body}`);
      tokens[r.identity] = (login.json() as { accessToken: string }).accessToken;
    }
  };

  const urlOf = (op: Operation, pathValues: Record<string, string>, query: string) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name]) +
    (query ? `?${query}` : '');

  const validPath = (op: Operation) =>
    Object.fromEntries(
      op.pathParams.map((p) => [p.name, encodeComponent(validFor(op, p.name)[0])]),
    );

  const validBody = (op: Operation) => (op.body ? JSON.stringify(sampleOf(op.body)) : undefined);

  /** Random requests for one operation: every part of the request may be valid or hostile. */
  const requestArbitrary = (op: Operation): fc.Arbitrary<FuzzRequest> => {
    const pathValue = (name: string) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...validFor(op, name)).map(encodeComponent) },
        {
          weight: 3,
          arbitrary: fc
            .constantFrom(...HOSTILE_STRINGS, ...BAD_UUIDS, ...BAD_CURSORS)
            .map(encodeComponent),
        },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encodeComponent) },
        // Not encoded on purpose: what a client may put in a URL as is.
        {
          weight: 1,
          arbitrary: fc.constantFrom('%zz', '%', '%00', '..', 'a%2Fb', '%C0%AF', 'a'.repeat(3_000)),
        },
      );
    const queryValue = (schemaSample: unknown) =>
      fc.oneof(
        fc.constant(String(schemaSample)),
        fc.constantFrom(...NUMERIC_TEXT),
        fc.constantFrom(...HOSTILE_STRINGS, ...BAD_CURSORS),
        fc.string({ unit: 'binary', maxLength: 30 }),
      );
    const query = fc
      .tuple(
        ...op.queryParams.map((p) =>
          fc
            .option(fc.tuple(queryValue(sampleOf(p.schema)), fc.boolean()), {
              nil: undefined,
              freq: 3,
            })
            .map((v) => {
              if (!v) return '';
              const [value, repeated] = v;
              const pair = `${p.name}=${encodeComponent(value)}`;
              return repeated ? `${pair}&${pair}` : pair;
            }),
        ),
        fc.option(
          fc.constantFrom('extra=1', 'limit=1&limit=2', '__proto__=x', 'a[b]=c', '=', '&&', 'q'),
          {
            nil: '',
            freq: 3,
          },
        ),
      )
      .map((parts) => parts.filter(Boolean).join('&'));
    const sample = op.body ? sampleOf(op.body) : undefined;
    const keys = sample && typeof sample === 'object' ? Object.keys(sample) : [];
    const field = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
    const withBody = op.body || op.method !== 'GET';
    const body: fc.Arbitrary<string | undefined> = withBody
      ? fc.oneof(
          { weight: 1, arbitrary: fc.constant(JSON.stringify(sample ?? {})) },
          {
            weight: 1,
            arbitrary: field.map((k) => {
              const copy = { ...(sample as object) } as Record<string, unknown>;
              delete copy[k];
              return JSON.stringify(copy);
            }),
          },
          {
            weight: 4,
            arbitrary: fc
              .tuple(field, hostileValue)
              .map(([k, v]) => JSON.stringify({ ...(sample as object), [k]: v })),
          },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom('role', 'id', 'userId', 'extra', '__proto__'), hostileValue)
              .map(([k, v]) => JSON.stringify({ ...(sample as object), [k]: v })),
          },
          {
            weight: 2,
            arbitrary: fc
              .dictionary(field, hostileValue, { maxKeys: 4 })
              .map((d) => JSON.stringify({ ...(sample as object), ...d })),
          },
          { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
        )
      : fc.option(fc.constantFrom('{}', '{"a":1}', 'garbage'), { nil: undefined, freq: 4 });
    const extraHeaders = fc.option(
      fc.dictionary(
        fc.constantFrom(
          'if-none-match',
          'x-request-id',
          'x-forwarded-for',
          'accept',
          'user-agent',
          'x-long',
        ),
        fc.oneof(
          fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
          fc.constantFrom('*', 'W/"x"', '"', '1.2.3.4, ::1, garbage', 'a'.repeat(16_000)),
        ),
        { maxKeys: 2 },
      ),
      { nil: {}, freq: 2 },
    );
    return fc
      .record({
        identity: fc.constantFrom<Identity>('anonymous', 'user', 'admin', 'bad-token'),
        pathValues: fc.record(
          Object.fromEntries(op.pathParams.map((p) => [p.name, pathValue(p.name)])),
        ),
        query,
        payload: body,
        contentType: fc.oneof(
          { weight: 5, arbitrary: fc.constant('application/json') },
          { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        ),
        extraHeaders,
      })
      .map((r) => ({
        identity: r.identity,
        method: op.method,
        url: urlOf(op, r.pathValues as Record<string, string>, r.query),
        headers: {
          ...(r.payload !== undefined ? { 'content-type': r.contentType } : {}),
          ...r.extraHeaders,
        },
        payload: r.payload,
      }));
  };

  /** The same hostile inputs for every operation, whatever the random runs pick. */
  const fixedRequests = (op: Operation): FuzzRequest[] => {
    const url = urlOf(op, validPath(op), '');
    const json = { 'content-type': 'application/json' };
    const payload = validBody(op);
    const requests: FuzzRequest[] = [];
    for (const identity of ['anonymous', 'user'] as const) {
      requests.push({ identity, method: op.method, url, headers: payload ? json : {}, payload });
      if (op.method !== 'GET') {
        for (const raw of RAW_BODIES)
          requests.push({ identity, method: op.method, url, headers: json, payload: raw });
      }
    }
    if (op.method !== 'GET') {
      for (const type of CONTENT_TYPES) {
        requests.push({
          identity: 'user',
          method: op.method,
          url,
          headers: { 'content-type': type },
          payload: payload ?? '{}',
        });
      }
    }
    for (const p of op.pathParams) {
      for (const value of [
        'a'.repeat(20_000),
        encodeComponent('\u0000'),
        encodeComponent('\ud800'),
        '%zz',
        BAD_UUIDS[1],
      ]) {
        requests.push({
          identity: 'user',
          method: op.method,
          url: urlOf(op, { ...validPath(op), [p.name]: value }, ''),
          headers: {},
        });
      }
    }
    for (const p of op.queryParams) {
      for (const value of [
        '-1',
        'NaN',
        '1e309',
        '99999999999',
        encodeComponent('a\u0000'),
        encodeComponent('\ud800'),
        'a'.repeat(5_000),
      ]) {
        requests.push({
          identity: 'user',
          method: op.method,
          url: `${url}?${p.name}=${value}&${p.name}=${value}`,
          headers: {},
        });
      }
    }
    for (const authorization of [
      'Bearer',
      'Basic Zm9vOmJhcg==',
      `Bearer ${'a'.repeat(20_000)}`,
      'Bearer a.b.c',
      'bearer  x',
    ]) {
      requests.push({ identity: 'anonymous', method: op.method, url, headers: { authorization } });
    }
    requests.push({
      identity: 'user',
      method: op.method,
      url,
      headers: { 'if-none-match': '"'.repeat(5_000), 'x-request-id': 'x'.repeat(5_000) },
    });
    requests.push({
      identity: 'anonymous',
      method: op.method,
      url: `${url}/${'a'.repeat(30_000)}`,
      headers: {},
    });
    return requests;
  };

  it('reads a non-trivial document', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.some((op) => op.body)).toBe(true);
    expect(operations.some((op) => op.secured)).toBe(true);
  });

  it('answers every fixed hostile request to every operation without a 5xx, as problem+json, in time', async () => {
    for (const op of operations) {
      for (const request of fixedRequests(op)) await send(request);
    }
    expect(sent).toBeGreaterThan(operations.length * 10);
  }, 600_000);

  it(
    `answers ${RUNS} random requests per operation (seed ${SEED}) without a 5xx, as problem+json, in time`,
    async () => {
      for (const op of operations) {
        try {
          await fc.assert(
            fc.asyncProperty(requestArbitrary(op), (request) => send(request)),
            { numRuns: RUNS, seed: SEED, endOnFailure: true },
          );
        } catch (e) {
          throw new Error(
            `${op.method} ${op.path} failed; reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run test:fuzz\n${(e as Error).message}`,
          );
        }
      }
    },
    600_000 + RUNS * 4_000,
  );

  it('stays live and ready', async () => {
    expect((await t.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });
});
