// What `npm run seed` and `npm run cli` share: run an entry compiled with the api
// (dist/apps/api/apps/api/src/<name>.js) against the configured database, using the existing
// build and building only when the entry is missing (or with --build), so a benchmark seeds with
// the very code it measures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `<name>.js` with this process's arguments (less `--build`) and exits with its status. */
export function runBuiltEntry(name) {
  const entry = join(root, `dist/apps/api/apps/api/src/${name}.js`);
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
}
