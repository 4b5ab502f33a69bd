import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed contract: `openapi.json` at the repository root (`npm run openapi`). */
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');

export const readCommittedDocument = (): OpenApi => JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));

export type Schema = Record<string, unknown>;

export interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: (Schema & { $ref?: string })[];
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}

export interface OpenApi {
  openapi: string;
  info: { title: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, Schema>;
    parameters?: Record<string, Schema>;
    securitySchemes?: Record<string, Schema>;
  };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every operation of the document as `[METHOD, path, operation]`. */
export function operationsOf(doc: OpenApi): [string, string, OpenApiOperation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map(
      (m) => [m.toUpperCase(), path, item[m]] as [string, string, OpenApiOperation],
    ),
  );
}

const DEFS = 'openapi';

/**
 * An OpenAPI 3.0 schema as JSON Schema (draft-07) for ajv: `nullable` becomes a `null` type,
 * component references point into one shared schema. With `closed`, objects that list their
 * properties accept no other property (an undocumented field in an answer is a contract break),
 * unless the schema says what else it allows.
 */
export function toJsonSchema(schema: unknown, closed: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, closed));
  if (!schema || typeof schema !== 'object') return schema;
  const input = schema as Schema;
  if (typeof input.$ref === 'string') {
    const ref = { $ref: `${DEFS}#/definitions/${input.$ref.split('/').pop()}` };
    return input.nullable ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'nullable') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v, closed)]),
      );
    } else if (['items', 'additionalProperties', 'not'].includes(key)) {
      out[key] = typeof value === 'object' ? toJsonSchema(value, closed) : value;
    } else if (['allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = toJsonSchema(value, closed);
    } else out[key] = value;
  }
  if (closed && out.properties && out.additionalProperties === undefined && !out.allOf) {
    out.additionalProperties = false;
  }
  if (input.nullable) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.allOf || !out.type) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export interface SchemaValidator {
  /** Errors of `value` against an OpenAPI schema of the document, or `[]`. */
  errors(schema: Schema, value: unknown): ErrorObject[];
}

/**
 * Validators over the document's schemas. `closed` (answers): no undocumented property, except in
 * problem documents, whose extension members RFC 9457 allows.
 */
export function schemaValidator(doc: OpenApi, { closed }: { closed: boolean }): SchemaValidator {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword('example');
  const definitions = Object.fromEntries(
    Object.entries(doc.components.schemas).map(([name, s]) => [
      name,
      toJsonSchema(s, closed && name !== 'ProblemDto'),
    ]),
  );
  ajv.addSchema({ $id: DEFS, definitions });
  const compiled = new Map<string, ValidateFunction>();
  return {
    errors(schema, value) {
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(toJsonSchema(schema, closed) as Schema);
        compiled.set(key, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

export const describeErrors = (errors: ErrorObject[]) =>
  errors
    .map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('; ');
