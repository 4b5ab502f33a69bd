#!/usr/bin/env node
// Rows per second the request-log writer (RequestLogWriter, libs/security-analytics) puts into
// local PostgreSQL: the real class, the real repositories and migrations, entries shaped like
// production traffic (5000 addresses, 200 routes, a few statuses, ~100-character user agents,
// arrival times 50 µs apart, i.e. 20k requests/s), recorded as fast as a loop can and timed until
// flush() resolves. The buffer is as large as the run, so nothing is dropped and the rate is the
// writer's. The target of issue 9 is ≥ 20k rows/s. Needs dist/ (npm run build) and a local
// PostgreSQL; creates and drops its own database.
//
//   node bench/experiments/request-log-writer.mjs [--rows 200000] [--batch 2000] [--rounds 3]
//        [--ips 5000] [--routes 200] [--parts]
//        [--url postgres://postgres@127.0.0.1:5432] [--db nexus_bench_request_log] [--dist dir]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const DIST = resolve(ROOT, arg('dist', 'dist'));
const ROWS = Number(arg('rows', 200_000));
const BATCH = Number(arg('batch', 2000));
const ROUNDS = Number(arg('rounds', 3));
// 5000 addresses × 200 routes makes nearly every row its own rollup key (the worst case); a load
// test from one address on one route makes a handful per batch.
const IPS = Number(arg('ips', 5000));
const ROUTES = Number(arg('routes', 200));
const URL_BASE = arg('url', 'postgres://postgres@127.0.0.1:5432');
const DB = arg('db', 'nexus_bench_request_log');

const { Client } = require('pg');
const { Registry } = require('prom-client');
const lib = join(DIST, 'apps/api/libs/security-analytics/src');

async function admin(sql) {
  const c = new Client({ connectionString: `${URL_BASE}/postgres` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB}`);
process.env.DATABASE_URL = `${URL_BASE}/${DB}`;
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.JWT_SECRET ??= 'bench-request-log-writer-secret-0123456789';
process.env.REQUEST_LOG_BUFFER_SIZE = String(Math.max(ROWS, 100));
process.env.REQUEST_LOG_BATCH_SIZE = String(BATCH);

const { loadConfig } = require(join(DIST, 'apps/api/libs/core/src/index.js'));
const { dataSource: dataSourcePromise } = require(
  join(DIST, 'apps/api/apps/api/src/data-source.js'),
);
const { RequestLogWriter } = require(join(lib, 'request-log/request-log.writer.js'));
const { RequestLogRepository } = require(join(lib, 'request-log/request-log.repository.js'));
const { RollupsRepository } = require(join(lib, 'rollups/rollups.repository.js'));

const ds = await dataSourcePromise;
await ds.initialize();
await ds.runMigrations();
const config = loadConfig(process.env, { dbMigrate: false });

// A small deterministic generator, so that runs compare.
let seed = 7;
const rand = (n) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const ips = Array.from(
  { length: IPS },
  (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
);
const routes = Array.from({ length: ROUTES }, (_, i) => `/api/v1/things${i}/:id`);
const statuses = [200, 200, 200, 200, 200, 200, 304, 401, 404, 429];
const agents = Array.from(
  { length: 20 },
  (_, i) =>
    `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + i}.0 Safari/537.36`,
);

function entries(start) {
  return Array.from({ length: ROWS }, (_, i) => {
    const route = routes[rand(routes.length)];
    const status = statuses[rand(statuses.length)];
    return {
      at: start + Math.floor(i / 20),
      ip: ips[rand(ips.length)],
      method: 'GET',
      route,
      path: route.replace(':id', String(rand(100_000))) + '?page=2',
      status,
      latencyMs: 0.5 + rand(2000) / 100,
      userId: null,
      userAgent: agents[rand(agents.length)],
      requestId: `req-${start}-${i}`,
      outcome: status === 429 ? 'limited' : null,
    };
  });
}

// CPU time (ms) of this process plus the PostgreSQL backends serving this database: on a machine
// shared with other work, rows per CPU-second is the steadier measure of what a row costs (the
// writer is serial, so this is the rate it would reach with a core to itself). WAL writing and
// checkpoints, shared with the other databases, are not counted.
const ticks = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return 0;
  }
};
async function cpuMs() {
  const pids = await ds.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const own = process.cpuUsage();
  return pids.reduce((sum, r) => sum + ticks(r.pid), (own.user + own.system) / 1000);
}

const count = async (table) => Number((await ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
process.stdout.write(
  `request-log writer: ${ROWS} rows per round, batches of ${BATCH}, ${IPS} addresses × ${ROUTES} routes, load average before: ${load()}\n`,
);
const rates = [];
const cpuRates = [];
for (let round = 1; round <= ROUNDS; round++) {
  await ds.query('TRUNCATE request_log, request_log_rollups');
  const writer = new RequestLogWriter(
    config,
    ds,
    new RequestLogRepository(ds),
    new RollupsRepository(ds),
    { registry: new Registry() },
  );
  const batch = entries(Date.UTC(2026, 11, 1, 12) + round * 3600_000);
  const cpuBefore = await cpuMs();
  const t = process.hrtime.bigint();
  let accepted = 0;
  for (const e of batch) if (writer.record(e)) accepted++;
  await writer.flush();
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const cpuS = ((await cpuMs()) - cpuBefore) / 1000;
  const rows = await count('request_log');
  const summed = Number(
    (await ds.query('SELECT coalesce(sum(requests), 0) AS n FROM request_log_rollups'))[0].n,
  );
  rates.push(rows / s);
  cpuRates.push(rows / cpuS);
  process.stdout.write(
    `round ${round}: ${(rows / s / 1000).toFixed(1)}k rows/s wall, ` +
      `${(rows / cpuS / 1000).toFixed(1)}k rows per CPU-second (${rows} rows in ${s.toFixed(2)} s; ` +
      `accepted ${accepted}, rollups sum ${summed}${rows === ROWS && summed === ROWS ? '' : ' MISMATCH'}) ` +
      `load ${load()}\n`,
  );
}
// Where the time goes: the same batches through each statement alone, outside the writer.
if (process.argv.includes('--parts')) {
  const { rollupBatch } = require(join(lib, 'rollups/rollups.js'));
  const log = new RequestLogRepository(ds);
  const rollups = new RollupsRepository(ds);
  const all = entries(Date.UTC(2026, 11, 1, 6));
  const batches = [];
  for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH));
  const time = async (label, work) => {
    await ds.query('TRUNCATE request_log, request_log_rollups');
    const cpuBefore = await cpuMs();
    const t = process.hrtime.bigint();
    for (const b of batches) await work(b);
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    const cpuS = ((await cpuMs()) - cpuBefore) / 1000;
    process.stdout.write(
      `${label.padEnd(38)} ${(ROWS / s / 1000).toFixed(1)}k rows/s wall, ` +
        `${(ROWS / cpuS / 1000).toFixed(1)}k rows per CPU-second  load ${load()}\n`,
    );
  };
  await time('request_log INSERT only', (b) => log.insertBatch(b));
  await time('rollups fold + upsert only', (b) => rollups.add(rollupBatch(b)));
  await time('rollups fold only (no SQL)', async (b) => void rollupBatch(b));
  // The B-tree on (ip, at) the table had before (addresses arrive in random order).
  await ds.query('CREATE INDEX request_log_ip_at_idx ON request_log (ip, at DESC)');
  await time('request_log INSERT + (ip, at) B-tree', (b) => log.insertBatch(b));
  await ds.query('DROP INDEX request_log_ip_at_idx');
}
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
const median = (xs) => (xs[Math.floor(xs.length / 2)] / 1000).toFixed(1);
process.stdout.write(
  `median ${median(rates)}k rows/s wall, ${median(cpuRates)}k rows per CPU-second\n`,
);
await ds.destroy();
await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
