import Ajv, { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Compose Specification's JSON schema, as shipped by the `dclint` package (a dev
 * dependency), compiled with Ajv: what `docker compose config` checks structurally, without a
 * Docker engine.
 */
export function composeSchemaValidator(): ValidateFunction {
  const file = join(dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // The schema names its draft by an address Ajv does not know; its keywords are draft-07's.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  return ajv.compile(schema);
}
