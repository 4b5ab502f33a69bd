#!/usr/bin/env node
// `npm start`: builds the api (Nest CLI, SWC builder: transpile only, type-checking is
// `npm run typecheck`) unless the sources and build settings are unchanged since the last build
// this script made, then runs it in this very process (one process: signals reach Nest directly).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const entry = join(root, 'dist/apps/api/apps/api/src/main.js');
// Inside the output folder, which every build deletes first: a stamp never outlives its build.
const stamp = join(root, 'dist/apps/api/.start-fingerprint');

/** Count and newest modification time of every input of the build. */
function fingerprint() {
  let count = 0;
  let newest = 0;
  const visit = (path) => {
    const s = statSync(path);
    if (s.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    count++;
    newest = Math.max(newest, s.mtimeMs);
  };
  for (const input of [
    'apps',
    'libs',
    'nest-cli.json',
    '.swcrc',
    'tsconfig.json',
    'tsconfig.build.json',
  ]) {
    if (existsSync(join(root, input))) visit(join(root, input));
  }
  return `${count} ${newest}`;
}

async function build() {
  // Taken before building, so an edit made while the build runs triggers the next one.
  const current = fingerprint();
  if (existsSync(entry) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return;
  await new Promise((done, fail) =>
    execFile(
      process.execPath,
      [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'api'],
      { cwd: root },
      (e, out, err) => {
        process.stdout.write(out);
        process.stderr.write(err);
        if (e) fail(e);
        else done();
      },
    ),
  );
  writeFileSync(stamp, current);
}

try {
  await build();
} catch {
  process.exit(1); // the build printed why
}
require(entry);
