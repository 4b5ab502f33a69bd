#!/usr/bin/env node
// EXPLAIN check on a large data set: grows it to ARTICLES (default 100000) articles with
// `npm run seed`, then verifies that the listing, search, feed and trending statements use their
// intended indexes (exit 1 otherwise). Uses DATABASE_URL, or the embedded database in DATA_DIR.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/nexus_bench node scripts/explain-check.mjs
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const articles = process.env.ARTICLES ?? '100000';
const run = spawnSync(
  process.execPath,
  [join(root, 'scripts/seed.mjs'), '--articles', articles, '--explain', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);
process.exit(run.status ?? 1);
