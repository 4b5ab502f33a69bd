#!/usr/bin/env node
// `npm run client:generate`: the TypeScript types of the typed client (packages/client) from the
// committed contract, openapi.json, with openapi-typescript. `--check` writes nothing and exits 1
// when the committed types differ (test/contract/client.e2e-spec.ts runs it).
// After changing a route: `npm run openapi && npm run client:generate`.
import openapiTS, { astToString } from 'openapi-typescript';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'openapi.json');
const target = join(root, 'packages/client/src/schema.d.ts');

const ast = await openapiTS(pathToFileURL(source), { alphabetize: false });
const text =
  '// Generated from openapi.json by `npm run client:generate` (openapi-typescript). Do not edit.\n\n' +
  astToString(ast);

if (process.argv.includes('--check')) {
  if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
    process.stderr.write(
      'packages/client/src/schema.d.ts differs from openapi.json: run `npm run client:generate` and commit it.\n',
    );
    process.exit(1);
  }
  process.stdout.write('packages/client types are up to date.\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`${target.slice(root.length + 1)} written\n`);
}
