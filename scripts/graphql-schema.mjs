#!/usr/bin/env node
// `npm run graphql:schema`: builds the api and runs its schema entry
// (dist/apps/api/apps/api/src/graphql-schema.js), which writes schema.graphql from the resolvers.
// test/graphql/graphql-schema.e2e-spec.ts fails when the committed file and the code differ.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npm', ['run', 'build:api'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(
  process.execPath,
  [join(root, 'dist/apps/api/apps/api/src/graphql-schema.js')],
  { cwd: root, stdio: 'inherit', env: process.env },
);
process.exit(run.status ?? 1);
