#!/usr/bin/env node
// The api process in full mode under load: peak RSS (issue 9: < 250 MB, which is why the api does
// not load the geo database) and the request log's accounting (rows written == requests served,
// none dropped). Starts the built api (RUN_WORKERS=false, as deployed next to a worker) on a fresh
// database and Redis prefix, runs autocannon phases (a fixed number of requests each) against it — the cached article read, the
// article list, unmatched paths (each a distinct rollup key) — sampling /proc/<pid>/status every
// 100 ms, then waits until the log is written and compares. Needs dist/ (npm run build), local
// PostgreSQL and Redis.
//
//   node bench/experiments/api-memory.mjs [--requests 20000] [--connections 50]
//        [--database postgres://postgres@127.0.0.1:5432/postgres] [--redis redis://127.0.0.1:6379]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createFullModeResources } from '../lib/full-mode.mjs';
import autocannon from 'autocannon';
import { HOST, freePort, startNode, waitForHttp } from '../lib/processes.mjs';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const AMOUNT = Number(arg('requests', 20_000));
const METRICS_TOKEN = randomBytes(24).toString('hex');
const CONNECTIONS = Number(arg('connections', 50));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

const resources = await createFullModeResources({
  databaseUrl: arg('database', 'postgres://postgres@127.0.0.1:5432/postgres'),
  redisUrl: arg('redis', 'redis://127.0.0.1:6379'),
});
const dataDir = mkdtempSync(join(tmpdir(), 'nexus-api-memory-'));
const port = await freePort();
const api = startNode({
  name: 'api',
  script: join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST,
    PORT: String(port),
    PUBLIC_URL: `http://${HOST}:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    SEED_DEMO_DATA: 'true',
    ALLOWLIST_CIDRS: 'none',
    RATE_LIMIT_PER_IP: '1000000000',
    RATE_LIMIT_PER_USER: '1000000000',
    RATE_LIMIT_ROUTES: 'false',
    RUN_WORKERS: 'false',
    METRICS_TOKEN,
    ...resources.env,
  },
  cwd: ROOT,
  logFile: join(dataDir, 'api.log'),
});
const db = new pg.Client({ connectionString: resources.env.DATABASE_URL });
let peak = 0;
const sampler = setInterval(() => {
  try {
    peak = Math.max(peak, rssMb(api.child.pid));
  } catch {
    /* gone */
  }
}, 100);
try {
  await waitForHttp(api, `http://${HOST}:${port}/health/ready`, 180_000);
  await db.connect();
  const base = `http://${HOST}:${port}`;
  // The demo data is seeded after the api is ready: poll for it (bounded).
  let slug;
  for (const deadline = Date.now() + 90_000; !slug && Date.now() < deadline;) {
    const list = await (await fetch(`${base}/api/v1/articles?limit=1`)).json();
    slug = list.items?.[0]?.slug;
    if (!slug) await sleep(500);
  }
  if (!slug) throw new Error('no published article after 90 s (demo data not seeded?)');
  await sleep(1500); // the request log's timer writes what the set-up requests left
  const rows = async () =>
    Number((await db.query('SELECT count(*) AS n FROM request_log')).rows[0].n);
  const before = await rows();
  const idle = rssMb(api.child.pid);
  process.stdout.write(
    `api ready (full mode, RUN_WORKERS=false): RSS ${idle.toFixed(0)} MB; load average ${load()}\n`,
  );
  let served = 0;
  let unmatched = 0;
  const phases = [
    ['cached article', { path: `/api/v1/articles/${encodeURIComponent(slug)}` }],
    ['article list', { path: '/api/v1/articles?limit=20' }],
    [
      'unmatched paths',
      {
        path: '/nope',
        // A distinct path per request: the rollups get a key per request (the worst case).
        requests: [{ setupRequest: (req) => ({ ...req, path: `/nope/${unmatched++}` }) }],
      },
    ],
  ];
  for (const [label, request] of phases) {
    // A fixed number of requests (not a duration), so that every request sent is one answered.
    const r = await autocannon({
      url: `${base}${request.path}`,
      connections: CONNECTIONS,
      amount: AMOUNT,
      timeout: 10,
      requests: request.requests,
    });
    const answered = Object.values(r.statusCodeStats ?? {}).reduce((n, v) => n + v.count, 0);
    served += answered;
    process.stdout.write(
      `${label.padEnd(16)} ${Math.round(r.requests.average)} req/s, ${answered} answered (errors ${r.errors}, timeouts ${r.timeouts}); ` +
        `peak RSS so far ${peak.toFixed(0)} MB, now ${rssMb(api.child.pid).toFixed(0)} MB; load ${load()}\n`,
    );
  }
  // Everything served must reach the table: wait for it (bounded), then compare.
  const deadline = Date.now() + 60_000;
  let written = await rows();
  while (written - before < served && Date.now() < deadline) {
    await sleep(250);
    written = await rows();
  }
  const metrics = await (
    await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const metric = (name) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(metrics)?.[1] ?? NaN);
  process.stdout.write(
    `peak RSS ${peak.toFixed(0)} MB (target < 250 MB)\n` +
      `request log: ${written - before} rows for ${served} requests served ` +
      `(${written - before === served ? 'equal' : 'DIFFERENT'}), dropped_total ${metric('nexus_request_log_dropped_total')}\n`,
  );
} finally {
  clearInterval(sampler);
  await db.end().catch(() => undefined);
  await api.stop();
  await resources.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}
