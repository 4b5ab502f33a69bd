#!/usr/bin/env node
// `npm run openapi`: builds the api (SWC, a second or two) and writes its OpenAPI document to
// openapi.json at the repository root, from the controllers alone (the app is created in preview
// mode: no database, no Redis, no listener). `npm run openapi -- --check` writes nothing and
// exits 1 when openapi.json differs from the code (CI; test/contract checks it too).
// After changing a route or a DTO: `npm run openapi && npm run client:generate`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const target = join(root, 'openapi.json');
const check = process.argv.includes('--check');

const build = spawnSync(
  process.execPath,
  [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'api'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const run = spawnSync(process.execPath, [join(root, 'dist/apps/api/apps/api/src/openapi.js')], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (run.status !== 0) process.exit(run.status ?? 1);
const text = run.stdout;

if (check) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(
      'openapi.json differs from the code: run `npm run openapi` and commit it.\n',
    );
    process.exit(1);
  }
  process.stdout.write('openapi.json is up to date.\n');
} else {
  writeFileSync(target, text);
  const doc = JSON.parse(text);
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  process.stdout.write(`openapi.json: ${operations} operations\n`);
}
