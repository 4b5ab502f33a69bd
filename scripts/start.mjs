#!/usr/bin/env node
// `npm start`: builds the api (Nest CLI, SWC builder: transpile only, type-checking is
// `npm run typecheck`) unless the sources and build settings are unchanged since the last build
// this script made, then runs it in this very process (one process: signals reach Nest directly).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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

/**
 * The embedded database's initdb (~5 s) is most of a first start: on a new data folder it runs
 * while the api builds and loads. The folder is a guess at the api's default (`DATA_DIR`, else
 * ./data, and no `DATABASE_URL`); a wrong guess costs nothing, since the api creates its own
 * database when it finds none. The api is in this process: EmbeddedPostgres waits for this
 * initdb (announced under a global symbol) before it opens that folder, so two initdbs never
 * write one folder.
 */
function createEmbeddedDatabase() {
  if (process.env.DATABASE_URL) return;
  const dir = join(resolve(process.env.DATA_DIR ?? './data'), 'pglite');
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  const done = initdb(dir);
  globalThis[Symbol.for('nexus.embedded-initdb')] = { dir, done };
}

async function initdb(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    const script = `require(${JSON.stringify(require.resolve('@electric-sql/pglite'))})
      .PGlite.create(process.argv[1]).then((db) => db.close())`;
    await promisify(execFile)(process.execPath, ['-e', script, dir], { env: {} });
  } catch {
    // The api reports whatever is wrong with the folder, with its own message.
  }
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

createEmbeddedDatabase();
try {
  await build();
} catch {
  process.exit(1); // the build printed why
}
require(entry);
