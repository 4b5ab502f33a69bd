import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzz suite reads. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}

interface OpenApiParameter {
  /** Shared parameters (pagination) are references to `components.parameters`. */
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: {
    schemas?: Record<string, OpenApiSchema>;
    parameters?: Record<string, OpenApiParameter>;
  };
}

/** One operation of the document, with its `$ref`s resolved. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI template, e.g. `/api/v1/articles/{slug}`. */
  path: string;
  pathParams: { name: string; schema: OpenApiSchema }[];
  queryParams: { name: string; required: boolean; schema: OpenApiSchema }[];
  body?: OpenApiSchema;
  secured: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (schema: OpenApiSchema | undefined, depth = 0): OpenApiSchema => {
    if (!schema || depth > 8) return {};
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      return resolve(doc.components?.schemas?.[name], depth + 1);
    }
    if (schema.allOf) {
      const parts = schema.allOf.map((s) => resolve(s, depth + 1));
      return {
        type: 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      };
    }
    const out: OpenApiSchema = { ...schema };
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1)]),
      );
    }
    return out;
  };

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) =>
        p.$ref ? doc.components!.parameters![p.$ref.split('/').pop()!] : p,
      );
      const json = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, schema: resolve(p.schema) })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: !!p.required, schema: resolve(p.schema) })),
        body: json ? resolve(json) : undefined,
        secured: !!op.security?.length,
      });
    }
  }
  return operations;
}

/** A plausible valid value for a schema (its example, else one of its type). */
export function sampleOf(schema: OpenApiSchema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'text';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [sampleOf(schema.items)] : [];
    case 'object':
    default:
      if (!schema.properties) return schema.type === 'object' ? {} : 'text';
      return Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, sampleOf(v)]),
      );
  }
}

const deep = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Strings that have broken (or could break) a parser, a validator, a query or a terminal. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\u001b[31mred\u001b[0m',
  '\u007f',
  '\u0085next-line',
  '\u009bcsi',
  '\u202eevil',
  'a\u2066b\u2069',
  'a\u200bb',
  '\ufeffbom',
  '\ud800',
  'a\udc00b',
  'a\ud800@x.io',
  '🙂',
  'line\nbreak',
  'tab\there',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '%00',
  '%zz',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '-9007199254740993',
  '99999999999999999999999',
  '0x10',
  '1.5',
  'a'.repeat(10_000),
  'é'.repeat(3_000),
  '\\',
  '*',
  '%',
  '_',
];

export const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-fffffffffffz',
  '123',
  '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f',
  '0B7F3C1E-8C1A-4C61-9A1E-3F1B2C3D4E5F',
  '{0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f}',
];

export const BAD_CURSORS = [
  'x',
  'eyJ9',
  Buffer.from('{"id":"x"}').toString('base64url'),
  Buffer.from('{"createdAt":"not a date","id":"00000000-0000-0000-0000-000000000000"}').toString(
    'base64url',
  ),
  Buffer.from('[1,2,3]').toString('base64url'),
  'a.b',
  'a'.repeat(300),
  '%2E%2E',
];

export const NUMERIC_TEXT = [
  '-1',
  '0',
  '1',
  '100',
  '101',
  '2147483648',
  '1e3',
  'NaN',
  '-0',
  '1.5',
  ' 5',
  '',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_UUIDS, ...BAD_CURSORS) },
);

/** Any JSON value a client could send in place of a field, hostile ones first. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.constantFrom(
      -1,
      0,
      1,
      2 ** 31,
      2 ** 53 + 2,
      -(2 ** 53) - 2,
      1e308,
      -1e308,
      0.5,
      -0,
      true,
      false,
      null,
    ),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Percent-encodes any string, lone surrogates included (as the invalid UTF-8 they would be). */
export function encodeComponent(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Bodies that are not the JSON they claim to be, or JSON no route wants. */
export const RAW_BODIES = [
  '{',
  '{"a":',
  'nul',
  '[1,]',
  '{"a":1}}',
  '{"a":NaN}',
  '{"limit":Infinity}',
  '\u0000',
  '"\\ud800"',
  '{"email":"a\\ud800@x.io"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '[]',
  '"text"',
  '42',
  'null',
  'true',
  deep(40),
  deep(5_000),
  '['.repeat(100_000),
  `{"a":"${'x'.repeat(2_000_000)}"}`,
];

export const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/JSON',
  'application/json, text/plain',
  'application/problem+json',
  'application/octet-stream',
  ';;;',
];
