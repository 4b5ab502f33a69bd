#!/usr/bin/env node
// Rows per second the request-log writer (RequestLogWriter, libs/security-analytics) puts into
// local PostgreSQL: the real class, the real repositories and migrations, entries shaped like
// production traffic (5000 addresses, 200 routes, a few statuses, ~100-character user agents,
// arrival times 50 µs apart, i.e. 20k requests/s), recorded as fast as a loop can and timed until
// flush() resolves. The buffer is as large as the run, so nothing is dropped and the rate is the
// writer's. The target of issue 9 is ≥ 20k rows/s. Needs dist/ (npm run build) and a local
// PostgreSQL (creates and drops its own database), or `--embedded`: PGlite in this process, in a
// temporary directory, as the api runs it in embedded mode.
//
// Besides the wall rate it reports the CPU per row of this process (what the api pays per logged
// request: encoding, the driver; in embedded mode PGlite too) and of the PostgreSQL backends, and
// the longest the event loop was held while the writer ran (wall time: encoding a batch in this
// thread; in embedded mode the database's statements run in its own thread). `--dist` runs another build, to compare two in one sitting.
//
//   node bench/experiments/request-log-writer.mjs [--rows 200000] [--batch 2000] [--rounds 3]
//        [--ips 5000] [--routes 200] [--parts] [--embedded]
//        [--url postgres://postgres@127.0.0.1:5432] [--db nexus_bench_request_log] [--dist dir]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
const EMBEDDED = process.argv.includes('--embedded');

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

const dataDir = EMBEDDED ? mkdtempSync(join(tmpdir(), 'nexus-bench-writer-')) : undefined;
if (EMBEDDED) {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dataDir;
} else {
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  process.env.DATABASE_URL = `${URL_BASE}/${DB}`;
}
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.JWT_SECRET ??= 'bench-request-log-writer-secret-0123456789';
process.env.REQUEST_LOG_BUFFER_SIZE = String(Math.max(ROWS, 100));
process.env.REQUEST_LOG_BATCH_SIZE = String(BATCH);

const core = require(join(DIST, 'apps/api/libs/core/src/index.js'));
const { RequestLogWriter } = require(join(lib, 'request-log/request-log.writer.js'));
const { RequestLogRepository } = require(join(lib, 'request-log/request-log.repository.js'));
const { RollupsRepository } = require(join(lib, 'rollups/rollups.repository.js'));

const config = core.loadConfig(process.env, { dbMigrate: false });
let ds;
let embedded = null;
if (EMBEDDED) {
  const { DataSource } = require('typeorm');
  const migrations = ['core', 'users', 'content', 'notifications', 'security-analytics'].flatMap(
    (name) => {
      const m = require(join(DIST, `apps/api/libs/${name}/src/index.js`));
      const key = Object.keys(m).find((k) => k.endsWith('Migrations') && Array.isArray(m[k]));
      return m[key];
    },
  );
  embedded = await core.EmbeddedPostgres.open(dataDir);
  ds = new DataSource(core.typeOrmOptions(config, migrations, embedded));
} else {
  ds = await require(join(DIST, 'apps/api/apps/api/src/data-source.js')).dataSource;
}
await ds.initialize();
await ds.runMigrations();

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
  const own = process.cpuUsage();
  const pids = EMBEDDED
    ? []
    : await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const server = pids.reduce((sum, r) => sum + ticks(r.pid), 0);
  return {
    own: (own.user + own.system) / 1000,
    server,
    total: (own.user + own.system) / 1000 + server,
  };
}

const count = async (table) => Number((await ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
process.stdout.write(
  `request-log writer (${EMBEDDED ? 'embedded, PGlite' : 'PostgreSQL'}, ${DIST}): ${ROWS} rows per round, batches of ${BATCH}, ${IPS} addresses × ${ROUTES} routes, load average before: ${load()}\n`,
);
const rates = [];
const cpuRates = [];
const ownUs = [];
const serverUs = [];
const stalls = [];
for (let round = 1; round <= ROUNDS; round++) {
  await ds.query('TRUNCATE request_log, request_log_rollups');
  const writer = new RequestLogWriter(
    config,
    ds,
    new RequestLogRepository(ds, embedded),
    new RollupsRepository(ds, embedded),
    { registry: new Registry() },
  );
  const batch = entries(Date.UTC(2026, 11, 1, 12) + round * 3600_000);
  const cpuBefore = await cpuMs();
  const t = process.hrtime.bigint();
  let accepted = 0;
  for (const e of batch) if (writer.record(e)) accepted++;
  // The longest the event loop was held while the writer ran, in wall time (the process's CPU
  // time would count the embedded database's own thread too). On a loaded machine it also counts
  // time the thread waited for a core.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await writer.flush();
  delay.disable();
  const stall = delay.max / 1e6;
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const cpuAfter = await cpuMs();
  const cpuS = (cpuAfter.total - cpuBefore.total) / 1000;
  const rows = await count('request_log');
  const summed = Number(
    (await ds.query('SELECT coalesce(sum(requests), 0) AS n FROM request_log_rollups'))[0].n,
  );
  rates.push(rows / s);
  cpuRates.push(rows / cpuS);
  ownUs.push(((cpuAfter.own - cpuBefore.own) * 1000) / rows);
  serverUs.push(((cpuAfter.server - cpuBefore.server) * 1000) / rows);
  stalls.push(stall);
  process.stdout.write(
    `round ${round}: ${(rows / s / 1000).toFixed(1)}k rows/s wall, ` +
      `${(rows / cpuS / 1000).toFixed(1)}k rows per CPU-second; CPU µs per row: ` +
      `this process ${ownUs.at(-1).toFixed(1)}, PostgreSQL ${serverUs.at(-1).toFixed(1)}; ` +
      `longest event-loop stall ${stalls.at(-1).toFixed(0)} ms (${rows} rows in ${s.toFixed(2)} s; ` +
      `accepted ${accepted}, rollups sum ${summed}${rows === ROWS && summed === ROWS ? '' : ' MISMATCH'}) ` +
      `load ${load()}\n`,
  );
}
// Where the time goes: the same batches through each statement alone, outside the writer.
if (process.argv.includes('--parts')) {
  const { rollupBatch } = require(join(lib, 'rollups/rollups.js'));
  const log = new RequestLogRepository(ds, embedded);
  const rollups = new RollupsRepository(ds, embedded);
  const all = entries(Date.UTC(2026, 11, 1, 6));
  const batches = [];
  for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH));
  const time = async (label, work) => {
    await ds.query('TRUNCATE request_log, request_log_rollups');
    const cpuBefore = await cpuMs();
    const t = process.hrtime.bigint();
    for (const b of batches) await work(b);
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    const cpuAfter = await cpuMs();
    const cpuS = (cpuAfter.total - cpuBefore.total) / 1000;
    process.stdout.write(
      `${label.padEnd(38)} ${(ROWS / s / 1000).toFixed(1)}k rows/s wall, ` +
        `${(ROWS / cpuS / 1000).toFixed(1)}k rows per CPU-second, µs per row ` +
        `${(((cpuAfter.own - cpuBefore.own) * 1000) / ROWS).toFixed(1)} here + ` +
        `${(((cpuAfter.server - cpuBefore.server) * 1000) / ROWS).toFixed(1)} PostgreSQL  load ${load()}\n`,
    );
  };
  await time('request_log batch only', (b) => log.insertBatch(b));
  await time('rollups fold + upsert only', (b) => rollups.add(rollupBatch(b)));
  await time('rollups fold only (no SQL)', async (b) => void rollupBatch(b));
}
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
process.stdout.write(
  `median ${(mid(rates) / 1000).toFixed(1)}k rows/s wall, ${(mid(cpuRates) / 1000).toFixed(1)}k rows per CPU-second; ` +
    `CPU µs per row ${mid(ownUs).toFixed(1)} here + ${mid(serverUs).toFixed(1)} PostgreSQL; ` +
    `longest stall ${mid(stalls).toFixed(0)} ms\n`,
);
await ds.destroy();
if (EMBEDDED) {
  await embedded.close();
  rmSync(dataDir, { recursive: true, force: true });
} else await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
