import type { LightMyRequestResponse } from 'fastify';
import { ADMIN_ENV, bearer, loginAsAdmin, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { Case, Ctx, scenario } from './contract-cases';
import {
  describeErrors,
  OpenApi,
  OpenApiOperation,
  operationsOf,
  readCommittedDocument,
  Schema,
  schemaValidator,
} from './openapi-schema';

/**
 * Real answers of every documented REST operation — successes and errors — validated against the
 * committed contract (`openapi.json`) with ajv: the status must be documented for the operation,
 * the media type must be the documented one, and the body must match its schema with no
 * undocumented property. Every operation must be seen answering at least one success and one
 * error. Cases: test/contract/contract-cases.ts (plus the generic errors built here).
 */
describe.each(testModes())('REST contract (%s mode)', (mode) => {
  const doc: OpenApi = readCommittedDocument();
  const validator = schemaValidator(doc, { closed: true });
  const operations = new Map(operationsOf(doc).map(([m, p, op]) => [`${m} ${p}`, op]));
  const seen = new Map<string, Set<number>>();
  const failures: string[] = [];
  let t: TestApp;
  let ctx: Ctx;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    ctx = {
      t,
      user: await registerUser(t),
      other: await registerUser(t),
      admin: (await loginAsAdmin(t)).accessToken,
      spares: [],
      vars: {},
    };
    for (let i = 0; i < 4; i++) ctx.spares.push(await registerUser(t));
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    failures.length = 0;
  });

  const tokenOf = (as: Case['as']): Record<string, string> => {
    if (as === 'user') return bearer(ctx.user.accessToken);
    if (as === 'other') return bearer(ctx.other.accessToken);
    if (as === 'admin') return bearer(ctx.admin);
    if (as === 'bad-token') return { authorization: 'Bearer not.a.jwt' };
    return {};
  };

  /** Checks one answer against the operation's documented responses; records what is wrong. */
  const check = (key: string, op: OpenApiOperation, res: LightMyRequestResponse, label: string) => {
    const status = res.statusCode;
    (seen.get(key) ?? seen.set(key, new Set()).get(key)!).add(status);
    const response = op.responses[String(status)];
    const fail = (why: string) =>
      failures.push(`${label} → ${status}: ${why}\n    body: ${res.body.slice(0, 300)}`);
    if (!response) return fail(`status not documented (documented: ${Object.keys(op.responses)})`);
    const content = response.content ?? {};
    const types = Object.keys(content);
    if (!types.length) {
      if (res.body.length) fail('documented without a body, answered one');
      return;
    }
    const type = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    if (!content[type]) return fail(`content type ${type}, documented ${types.join(', ')}`);
    let body: unknown = res.body;
    if (type.endsWith('json')) {
      try {
        body = JSON.parse(res.body);
      } catch {
        return fail('not JSON');
      }
    }
    const errors = validator.errors(content[type].schema as Schema, body);
    if (errors.length) fail(`does not match the schema: ${describeErrors(errors)}`);
  };

  const urlOf = (path: string, params: Record<string, string> = {}, query?: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')) +
    (query ? `?${query}` : '');

  const send = async (c: Case): Promise<LightMyRequestResponse> => {
    const op = operations.get(c.op);
    if (!op) throw new Error(`${c.op} is not in openapi.json (run \`npm run openapi\`)`);
    const [method, path] = c.op.split(' ');
    const res = c.stream
      ? await openStream(t, urlOf(path, c.path, c.query), { ...tokenOf(c.as), ...c.headers })
      : await t.inject({
          method: method as 'GET',
          url: urlOf(path, c.path, c.query),
          headers: { ...tokenOf(c.as), ...c.headers },
          ...(c.body !== undefined ? { payload: c.body as object } : {}),
        });
    const label = `${c.as} ${c.op}${c.query ? `?${c.query}` : ''}`;
    if (res.statusCode !== c.status) {
      failures.push(
        `${label}: expected ${c.status}, got ${res.statusCode} ${res.body.slice(0, 300)}`,
      );
    }
    check(c.op, op, res, label);
    await c.after?.(res.body ? safeJson(res.body) : undefined, res.headers);
    return res;
  };

  it('answers each scenario case as documented', async () => {
    for (const make of scenario(ctx)) {
      let c: Case;
      try {
        c = await make();
      } catch (e) {
        failures.push(`a case could not be built: ${(e as Error).message}`);
        break;
      }
      await send(c);
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('answers the errors every operation shares as documented', async () => {
    for (const [key, op] of operations) {
      const [method, path] = key.split(' ');
      const params = Object.fromEntries(
        (op.parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => [
            String(p.name),
            (p.schema as Schema)?.format === 'uuid' ? 'not-a-uuid' : 'x',
          ]),
      );
      const url = urlOf(path, params);
      const label = (what: string) => `${what} ${key}`;
      const requests: [string, Parameters<TestApp['inject']>[0]][] = [
        // A present but invalid credential: 401 on every route.
        [label('bad-token'), { method: method as 'GET', url, headers: tokenOf('bad-token') }],
      ];
      // `[]`: public; `[{}, { bearer: [] }]`: optional; absent: the document's bearer default.
      const anonymousAllowed =
        op.security !== undefined &&
        (!op.security.length || op.security.some((s) => !Object.keys(s).length));
      if (!anonymousAllowed) requests.push([label('anonymous'), { method: method as 'GET', url }]);
      if (op.requestBody) {
        const headers = tokenOf('admin');
        requests.push([
          label('malformed JSON'),
          {
            method: method as 'GET',
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: '{',
          },
        ]);
        requests.push([
          label('text body'),
          {
            method: method as 'GET',
            url,
            headers: { ...headers, 'content-type': 'text/plain' },
            payload: 'hi',
          },
        ]);
      }
      if (op.parameters?.some((p) => p.$ref === '#/components/parameters/PageLimit')) {
        requests.push([
          label('limit=101'),
          {
            method: method as 'GET',
            url: `${urlOf(path, ctxPath(ctx, params))}?limit=101`,
            headers: tokenOf('admin'),
          },
        ]);
      }
      for (const [name, request] of requests) {
        const res = await t.inject(request);
        if (res.statusCode < 400)
          failures.push(`${name}: answered ${res.statusCode}, expected an error`);
        check(key, op, res, name);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('has seen every documented operation answer a success and an error', () => {
    const missing = [...operations.keys()].flatMap((key) => {
      const statuses = [...(seen.get(key) ?? [])];
      const out: string[] = [];
      if (!statuses.some((s) => s < 300))
        out.push(`${key}: no success (add a case to test/contract/contract-cases.ts)`);
      if (!statuses.some((s) => s >= 400)) out.push(`${key}: no error`);
      return out;
    });
    expect(missing).toEqual([]);
  });
});

/** Path values that get past the 404 of paged listings, so that the limit is what is refused. */
function ctxPath(ctx: Ctx, params: Record<string, string>): Record<string, string> {
  const out = { ...params };
  if ('username' in out) out.username = ctx.user.username;
  if ('id' in out && ctx.vars.articleId) out.id = ctx.vars.articleId;
  return out;
}

/**
 * An endless answer (Server-Sent Events) over a real connection: its status and headers, then
 * the connection is closed; the body read is empty.
 */
async function openStream(
  t: TestApp,
  url: string,
  headers: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const abort = new AbortController();
  const res = await fetch(`${t.url}${url}`, { headers, signal: abort.signal });
  const answer = {
    statusCode: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    body: res.status < 300 ? '' : await res.text(),
  };
  abort.abort();
  return answer as unknown as LightMyRequestResponse;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
