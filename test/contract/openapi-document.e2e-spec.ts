import { readFileSync } from 'node:fs';
import { DemoDataSeeder } from '@nexus/demo';
import { startTestApp, TestApp } from '../support/test-app';
import { API_TAGS } from '../../apps/api/src/openapi-tags';
import {
  describeErrors,
  MediaType,
  OPENAPI_FILE,
  OpenApi,
  operationsOf,
  readCommittedDocument,
  Schema,
  schemaValidator,
} from './openapi-schema';

/** Success media types other than JSON: a Server-Sent Events stream. */
const TEXT_MEDIA_TYPES = ['text/event-stream'];

/**
 * The committed contract (`openapi.json`) against the code, and the document as a person meets it
 * in Swagger UI: relative server, examples that are valid and, for demo routes, answer.
 */
describe('OpenAPI document', () => {
  const doc = readCommittedDocument();

  describe('served by the app', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp('embedded', { listen: false });
    });
    afterAll(() => t?.close());

    it('is openapi.json, byte for byte (else: run `npm run openapi`)', async () => {
      const served = (await t.inject({ method: 'GET', url: '/docs-json' })).json() as OpenApi;
      const text = `${JSON.stringify(served, null, 2)}\n`;
      if (text !== readFileSync(OPENAPI_FILE, 'utf8')) {
        const ops = (d: OpenApi) =>
          new Map(operationsOf(d).map(([m, p, op]) => [`${m} ${p}`, JSON.stringify(op)]));
        const [now, file] = [ops(served), ops(doc)];
        const changed = [...new Set([...now.keys(), ...file.keys()])].filter(
          (k) => now.get(k) !== file.get(k),
        );
        throw new Error(
          `openapi.json differs from the code: run \`npm run openapi\` (then \`npm run client:generate\`) ` +
            `and commit both. Operations that differ: ${changed.join(', ') || '(none: components or info)'}`,
        );
      }
    });
  });

  it('works from whatever origin serves Swagger UI (one relative server)', () => {
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });

  it('explains the bearer "Authorize" flow', () => {
    const text = doc.info.description ?? '';
    expect(text).toContain('POST /api/v1/auth/login');
    expect(text).toContain('**Authorize**');
    expect(text).toContain('accessToken');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });

  it('gives every operation a summary, one declared module tag and an id', () => {
    const declared = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));
    expect([...declared.keys()]).toEqual(API_TAGS.map((t) => t.name));
    const wrong = operationsOf(doc)
      .filter(
        ([, , op]) =>
          !op.summary || !op.operationId || op.tags?.length !== 1 || !declared.get(op.tags[0]),
      )
      .map(([m, p, op]) => `${m} ${p} (summary: ${!!op.summary}, tags: ${op.tags?.join()})`);
    // An undeclared tag: add the module's line to apps/api/src/openapi-tags.ts.
    expect(wrong).toEqual([]);
  });

  it('documents a schema for every answer: JSON for successes, the one problem schema for errors', () => {
    const wrong: string[] = [];
    for (const [method, path, op] of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const code = Number(status);
        const content = response.content ?? {};
        if (code === 204 || code === 304) {
          if (Object.keys(content).length) wrong.push(`${method} ${path} ${status} has a body`);
        } else if (code < 300) {
          // JSON, or one documented text type for what is not a document (an event stream).
          const [type, ...more] = Object.keys(content);
          const text = !more.length && TEXT_MEDIA_TYPES.includes(type) && content[type].schema;
          if (!content['application/json']?.schema && !text)
            wrong.push(`${method} ${path} ${status}: no JSON schema`);
        } else if (
          code !== 503 &&
          content['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDto'
        ) {
          wrong.push(`${method} ${path} ${status}: not the problem schema`);
        }
      }
      const codes = Object.keys(op.responses).map(Number);
      if (!codes.some((c) => c >= 200 && c < 300)) wrong.push(`${method} ${path}: no success`);
      // A present but invalid credential is a 401 on every route.
      if (!codes.includes(401)) wrong.push(`${method} ${path}: no 401`);
      if (op.requestBody && !codes.includes(400)) wrong.push(`${method} ${path}: body, no 400`);
    }
    expect(wrong).toEqual([]);
  });

  it('describes the pagination parameters once and refers to them', () => {
    const paged = operationsOf(doc).filter(([, , op]) =>
      op.parameters?.some((p) => p.$ref === '#/components/parameters/PageCursor'),
    );
    expect(paged.length).toBeGreaterThanOrEqual(5);
    expect(doc.components.parameters).toHaveProperty('PageCursor');
    expect(doc.components.parameters).toHaveProperty('PageLimit');
    const inline = operationsOf(doc).filter(([, , op]) =>
      op.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'),
    );
    expect(inline.map(([m, p]) => `${m} ${p}`)).toEqual([]);
  });

  it('pre-fills no optional query parameter of a listing with a value that changes its answer', () => {
    // Swagger UI puts an optional parameter's example in the field and sends it on "Execute".
    const prefilled = operationsOf(doc).flatMap(([method, path, op]) =>
      (op.parameters ?? [])
        .filter((p) => p.in === 'query' && !p.required)
        .filter((p) => p.example !== undefined || (p.schema as Schema)?.example !== undefined)
        .map((p) => `${method} ${path} ?${String(p.name)}`),
    );
    expect(prefilled).toEqual([]);
  });

  it('requires no header parameter (Swagger UI could not execute the operation without it)', () => {
    const required = operationsOf(doc).flatMap(([method, path, op]) =>
      (op.parameters ?? [])
        .filter((p) => p.in === 'header' && p.required)
        .map((p) => `${method} ${path} ${String(p.name)}`),
    );
    expect(required).toEqual([]);
  });

  it('has only examples that are valid against their own schema', () => {
    const validator = schemaValidator(doc, { closed: true });
    const wrong: string[] = [];
    let checked = 0;
    const check = (where: string, schema: Schema | undefined, example: unknown) => {
      if (!schema || example === undefined) return;
      checked++;
      const errors = validator.errors(schema, example);
      if (errors.length)
        wrong.push(
          `${where}: ${JSON.stringify(example)?.slice(0, 120)} — ${describeErrors(errors)}`,
        );
    };
    const visit = (where: string, schema: unknown) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Schema;
      check(where, s, s.example);
      for (const [k, v] of Object.entries((s.properties as Record<string, Schema>) ?? {}))
        visit(`${where}.${k}`, v);
      if (s.items) visit(`${where}[]`, s.items);
      if (typeof s.additionalProperties === 'object') visit(`${where}{}`, s.additionalProperties);
      for (const key of ['allOf', 'anyOf', 'oneOf'])
        ((s[key] as Schema[]) ?? []).forEach((sub, i) => visit(`${where}.${key}[${i}]`, sub));
    };
    const media = (where: string, content: Record<string, MediaType> | undefined) => {
      for (const [type, m] of Object.entries(content ?? {})) {
        visit(`${where} ${type}`, m.schema);
        check(`${where} ${type} example`, m.schema, m.example);
        for (const [name, e] of Object.entries(m.examples ?? {}))
          check(`${where} ${type} examples.${name}`, m.schema, e.value);
      }
    };
    for (const [name, schema] of Object.entries(doc.components.schemas))
      visit(`#/components/schemas/${name}`, schema);
    for (const [name, p] of Object.entries(doc.components.parameters ?? {}))
      check(`#/components/parameters/${name}`, p.schema as Schema, p.example);
    for (const [method, path, op] of operationsOf(doc)) {
      for (const p of op.parameters ?? []) {
        visit(`${method} ${path} ${String(p.name)}`, p.schema);
        check(`${method} ${path} ${String(p.name)}`, p.schema as Schema, p.example);
      }
      media(`${method} ${path} body`, op.requestBody?.content);
      for (const [status, r] of Object.entries(op.responses))
        media(`${method} ${path} ${status}`, r.content);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  describe('with the demo data', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp('embedded', { listen: false, env: { SEED_DEMO_DATA: 'true' } });
      await t.app.get(DemoDataSeeder).whenSeeded();
    });
    afterAll(() => t?.close());

    it('answers every public GET with path parameters filled from their examples', async () => {
      const results: string[] = [];
      let tried = 0;
      for (const [method, path, op] of operationsOf(doc)) {
        const open = op.security?.length === 0 || op.security?.some((s) => !Object.keys(s).length);
        const params = (op.parameters ?? []).filter((p) => p.in === 'path');
        if (method !== 'GET' || !open || !params.length) continue;
        // Ids are random in every database: no example can name an existing one.
        if (params.some((p) => (p.schema as Schema)?.format === 'uuid')) continue;
        const url = params.reduce(
          (u, p) =>
            u.replace(
              `{${String(p.name)}}`,
              encodeURIComponent(String(p.example ?? (p.schema as Schema)?.example)),
            ),
          path,
        );
        tried++;
        const res = await t.inject({ method: 'GET', url });
        if (res.statusCode !== 200) results.push(`${url} → ${res.statusCode}`);
      }
      expect(results).toEqual([]);
      expect(tried).toBeGreaterThanOrEqual(4);
    });
  });
});
