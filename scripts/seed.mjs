#!/usr/bin/env node
// `npm run seed -- --articles N [--explain]`: builds the api (the seed entry is compiled with it)
// unless --no-build is given, then runs dist/.../seed.js against the configured database.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/apps/api/apps/api/src/seed.js');
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
if (!noBuild || !existsSync(entry)) {
  const build = spawnSync('npx', ['nest', 'build', 'api'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [entry, ...args.filter((a) => a !== '--no-build')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(run.status ?? 1);
