#!/usr/bin/env node
// `npm run cli -- <command>`: runs the CLI entry compiled with the api
// (dist/apps/api/apps/api/src/cli.js) against the configured database. Like `npm run seed`, it
// uses the existing build and only builds when the entry is missing (or with --build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/apps/api/apps/api/src/cli.js');
const args = process.argv.slice(2);
if (args.includes('--build') || !existsSync(entry)) {
  const build = spawnSync('npm', ['run', 'build:api'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [entry, ...args.filter((a) => a !== '--build')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(run.status ?? 1);
