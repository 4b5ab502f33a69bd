#!/usr/bin/env node
// One full pass of the anomaly rules (AnomalyService.scan, libs/security-analytics) over the data
// a 10M-request day leaves: rollups generated directly with SQL (generate_series; 50 000
// addresses, 200 routes of which a few sensitive, 1440 minutes, ~3 requests per rollup row, ~10%
// refused), the login events of such a day (200 000, 20 000 accounts each from its own address but
// 2% of the time, a fifth failed) and a
// location for every address. The rules read only these (never the raw log), so this is what a
// 10M-row log costs them. The target of issue 9 is < 5 s. The domain events of findings go to a
// no-op bus: the rules are measured, not their listeners. Needs dist/ (npm run build) and a local
// PostgreSQL; creates and drops its own database.
//
//   node bench/experiments/anomaly-rules.mjs [--rollups 3400000] [--rounds 3] [--keep]
//        [--url postgres://postgres@127.0.0.1:5432] [--db nexus_bench_anomaly] [--dist dir]
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
const ROLLUPS = Number(arg('rollups', 3_400_000));
const ROUNDS = Number(arg('rounds', 3));
const URL_BASE = arg('url', 'postgres://postgres@127.0.0.1:5432');
const DB = arg('db', 'nexus_bench_anomaly');
const KEEP = process.argv.includes('--keep');

const { Client } = require('pg');
const lib = join(DIST, 'apps/api/libs/security-analytics/src');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function admin(sql) {
  const c = new Client({ connectionString: `${URL_BASE}/postgres` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// --keep leaves the filled database for the next run (filling takes minutes on a busy machine).
const filled = await (async () => {
  const c = new Client({ connectionString: `${URL_BASE}/${DB}` });
  try {
    await c.connect();
    const r = await c.query('SELECT count(*) AS n FROM bench_anomaly_filled');
    return Number(r.rows[0].n) > 0;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
})();
const fill = !(KEEP && filled);
if (fill) {
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
}
process.env.DATABASE_URL = `${URL_BASE}/${DB}`;
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.JWT_SECRET ??= 'bench-anomaly-rules-secret-0123456789abcdef';

const { loadConfig } = require(join(DIST, 'apps/api/libs/core/src/index.js'));
const { dataSource: dataSourcePromise } = require(
  join(DIST, 'apps/api/apps/api/src/data-source.js'),
);
const { AnomalyService } = require(join(lib, 'anomaly/anomaly.service.js'));
const { AnomalyRepository } = require(join(lib, 'anomaly/anomaly.repository.js'));

const ds = await dataSourcePromise;
await ds.initialize();
await ds.runMigrations();
const config = loadConfig(process.env, { dbMigrate: false });
const NOW = '2026-12-01T12:00:00Z';

if (fill) {
  const t = Date.now();
  // A connection of its own: the app's statement time-out is not meant for bulk fills.
  const sql = new Client({ connectionString: `${URL_BASE}/${DB}` });
  await sql.connect();
  process.stdout.write(`filling ${ROLLUPS} rollup rows (load ${load()})…\n`);
  await sql.query(`SELECT setseed(0.42)`);
  // Sensitive routes are a few of the 200; scanners' 404s are the refused tenth.
  await sql.query(
    `INSERT INTO request_log_rollups
       (minute, ip, route, status_class, requests, probe_hits, blocked, limited, latency_ms_sum)
     SELECT $1::timestamptz - (1 + floor(random() * 1440)::int) * interval '1 minute',
            ('10.0.0.0'::inet + floor(random() * 50000)::int),
            CASE WHEN r < 0.02 THEN (ARRAY['/wp-admin/x', '/.env', '/admin/x', '/.git/config'])[1 + floor(random() * 4)::int]
                 ELSE '/api/v1/r' || floor(random() * 196)::int END,
            CASE WHEN r < 0.10 THEN 4 ELSE 2 END,
            1 + floor(random() * 5)::int,
            CASE WHEN r < 0.10 THEN 1 ELSE 0 END, 0, 0, 10
       FROM (SELECT random() AS r FROM generate_series(1, $2)) g
     ON CONFLICT DO NOTHING`,
    [NOW, ROLLUPS],
  );
  // The writer appends rollups in time order; so must the table's physical order be here, or
  // every window reads the whole table.
  await sql.query(`CLUSTER request_log_rollups USING request_log_rollups_pkey`);
  await sql.query(
    `INSERT INTO ip_geo (ip, country, city, lat, lon, accuracy_km)
     SELECT '10.0.0.0'::inet + i, 'C' || (i % 60), 'city' || (i % 3000),
            -60 + random() * 120, -180 + random() * 360, 20
       FROM generate_series(0, 49999) i`,
  );
  await sql.query(
    `INSERT INTO security_login_events (event_id, at, ip, user_id, success, identifier_hash)
     SELECT gen_random_uuid(), $1::timestamptz - random() * interval '1 day',
            -- An account logs in from its own address, now and then from anywhere.
            '10.0.0.0'::inet + CASE WHEN random() < 0.02 THEN floor(random() * 50000)::int
                                    ELSE (i % 20000) * 2 END,
            ('00000000-0000-4000-8000-' || lpad((i % 20000)::text, 12, '0'))::uuid,
            i % 5 <> 0, CASE WHEN i % 5 = 0 THEN md5(i::text) END
       FROM generate_series(1, 200000) i`,
    [NOW],
  );
  await sql.query('VACUUM ANALYZE request_log_rollups, ip_geo, security_login_events');
  await sql.query('CREATE TABLE bench_anomaly_filled AS SELECT 1 AS done');
  await sql.end();
  process.stdout.write(`filled in ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
}
const [{ rows, requests }] = await ds.query(
  `SELECT count(*) AS rows, sum(requests) AS requests FROM request_log_rollups`,
);
process.stdout.write(
  `rollups: ${rows} rows for ${requests} requests; load average before: ${load()}\n`,
);

const repository = new AnomalyRepository(ds);
const service = new AnomalyService(config, repository, { emit: async () => undefined });
const a = config.anomaly;
const now = new Date(NOW);
const rules = {
  'requests-per-hour': () => repository.requestsPerHour(now, a.requestsPerHour),
  'sensitive-paths': () => repository.sensitivePaths(now, a.sensitivePaths, a.sensitivePathHits),
  probing: () => repository.probing(now, a.probingPaths),
  'credential-stuffing': () => repository.credentialStuffing(now, a.stuffingAccounts),
  'impossible-travel': () => repository.impossibleTravel(now, a.travelKmh),
};
const totals = [];
for (let round = 1; round <= ROUNDS; round++) {
  const parts = [];
  for (const [name, rule] of Object.entries(rules)) {
    const t = process.hrtime.bigint();
    const found = await rule();
    parts.push(
      `${name} ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms (${found.length})`,
    );
  }
  await ds.query('TRUNCATE suspicious_ips');
  const t = process.hrtime.bigint();
  const { findings } = await service.scan(now);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  totals.push(s);
  process.stdout.write(
    `round ${round}: full scan ${s.toFixed(2)} s, ${findings.length} findings (first run, findings upserted); ` +
      `each rule alone: ${parts.join(', ')}; load ${load()}\n`,
  );
}
totals.sort((x, y) => x - y);
process.stdout.write(`median full scan ${totals[Math.floor(totals.length / 2)].toFixed(2)} s\n`);
await ds.destroy();
if (!KEEP) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
