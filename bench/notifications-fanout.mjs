#!/usr/bin/env node
// Fan-out of one article to N followers (default 100000), end to end in full mode: the api
// (RUN_WORKERS=false) takes the publish, the worker process runs the batched fan-out jobs, and
// the clock stops when every follower's in-app row is written and counted. Issue target: < 10 s
// for 100k. Usage (after `npm run build`):
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//   BENCH_REDIS_URL=redis://127.0.0.1:6379 node bench/notifications-fanout.mjs [--followers N]
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createFullModeResources } from './lib/full-mode.mjs';
import { apiClient, tokenFromEmail, waitForEmail } from './lib/http.mjs';
import { freePort, HOST, startNode, waitForHttp } from './lib/processes.mjs';
import { login, verifiedUser } from './lib/users.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');
const argIndex = process.argv.indexOf('--followers');
const FOLLOWERS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 100_000;
const TARGET_S = 10;

const log = (m) => process.stdout.write(`${m}\n`);

async function main() {
  const resources = await createFullModeResources({
    databaseUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL,
    redisUrl: process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'nexus-bench-fanout-'));
  const procs = [];
  try {
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST,
      PORT: String(port),
      PUBLIC_URL: `http://${HOST}:${port}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      SEED_DEMO_DATA: 'false',
      ...resources.env,
    };
    const api = startNode({
      name: 'api',
      script: join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
      env: { ...env, RUN_WORKERS: 'false' },
      cwd: ROOT,
      logFile: join(dataDir, 'api.log'),
    });
    procs.push(api);
    await waitForHttp(api, `http://${HOST}:${port}/health/ready`, 60_000);
    const worker = startNode({
      name: 'worker',
      script: join(ROOT, 'dist/apps/worker/apps/worker/src/main.js'),
      env: { ...env, DB_MIGRATE: 'false', RUN_WORKERS: 'true' },
      cwd: ROOT,
      logFile: join(dataDir, 'worker.log'),
    });
    procs.push(worker);

    const ctx = {
      api: apiClient(port),
      waitForEmail: (to) => waitForEmail(dataDir, to, { timeoutMs: 60_000 }),
      tokenFromEmail,
      state: {},
    };
    const author = await verifiedUser(ctx);
    const { accessToken } = await login(ctx, author);
    const db = new pg.Client({ connectionString: resources.env.DATABASE_URL });
    await db.connect();
    try {
      const [{ id: authorId }] = (
        await db.query(`SELECT id FROM users WHERE email = $1`, [author.email])
      ).rows;
      const seedStart = Date.now();
      await db.query(
        `WITH u AS (
           INSERT INTO users (email, username, display_name, password_hash, email_verified_at)
           SELECT 'f' || g || '@bench.test', 'f' || g, 'Follower ' || g, 'x', now()
             FROM generate_series(1, $2::int) g RETURNING id)
         INSERT INTO follows (follower_id, followee_id, created_at)
         SELECT id, $1, now() - (random() * interval '30 days') FROM u`,
        [authorId, FOLLOWERS],
      );
      await db.query('ANALYZE');
      log(`seeded ${FOLLOWERS} followers in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

      const auth = { authorization: `Bearer ${accessToken}` };
      const created = await ctx.api.expect('POST', '/api/v1/articles', {
        headers: auth,
        body: { title: 'Fan-out benchmark', body: 'One article, many followers.' },
      });
      const articleId = created.json.id;
      // The machine may be shared: the load before and after goes with the figure.
      const loadBefore = loadavg()[0];
      const t0 = process.hrtime.bigint();
      await ctx.api.expect('POST', `/api/v1/articles/${articleId}/publish`, { headers: auth });
      let rows = 0;
      let done = false;
      const deadline = Date.now() + 300_000;
      while (!(done && rows === FOLLOWERS)) {
        if (Date.now() > deadline) throw new Error(`fan-out incomplete: ${rows}/${FOLLOWERS}`);
        await sleep(20);
        const r = (
          await db.query(
            `SELECT done_at IS NOT NULL AS done,
                    (SELECT count(*)::int FROM notifications n WHERE n.source_event_id = f.event_id) AS rows
               FROM notification_fanouts f WHERE article_id = $1`,
            [articleId],
          )
        ).rows[0];
        if (r) ({ done, rows } = r);
      }
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const load = [loadBefore, loadavg()[0]].map((l) => Number(l.toFixed(1)));
      const verdict = seconds < TARGET_S ? 'PASS' : 'FAIL';
      log(
        `fan-out of one article to ${FOLLOWERS} followers: ${seconds.toFixed(2)} s ` +
          `(${Math.round(FOLLOWERS / seconds)} rows/s), target < ${TARGET_S} s: ${verdict} ` +
          `(load average ${load[0]} before, ${load[1]} after)`,
      );
      const out = join(BENCH_DIR, 'results');
      mkdirSync(out, { recursive: true });
      const stamp = new Date()
        .toISOString()
        .replace(/:/g, '-')
        .replace(/\.\d+Z$/, 'Z');
      writeFileSync(
        join(out, `${stamp}-full-notifications-fanout.json`),
        JSON.stringify(
          { followers: FOLLOWERS, seconds, targetSeconds: TARGET_S, verdict, loadAverage: load },
          null,
          2,
        ),
      );
    } finally {
      await db.end();
    }
  } finally {
    for (const p of procs.reverse()) await p.stop();
    for (const p of await resources.cleanup()) log(`cleanup: ${p}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
