#!/usr/bin/env node
// What tracing costs, measured side by side: three embedded Nexus servers run at once — the
// build before tracing existed (--base), this build with tracing off, and this build with tracing
// on exporting to a local OTLP sink (bench/lib/otlp-sink.mjs) — and each round loads them one
// after the other, in a rotating order, for the same scenarios. Alternating in short turns keeps
// the comparison fair on a machine whose load moves (a separate run per build would not be).
// Reports the median req/s and server CPU µs per request of each, and their ratios to --base.
//
//   node bench/experiments/tracing-ab.mjs --base <dist of the previous build> [--dist dist]
//        [--rounds 5] [--duration 5] [--connections 50]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, NotAvailable, tokenFromEmail, waitForEmail } from '../lib/http.mjs';
import { runLoad } from '../lib/load.mjs';
import { HOST, freePort, startNode, waitForHttp } from '../lib/processes.mjs';
import * as articleCached from '../scenarios/article-cached.mjs';
import * as usersMe from '../scenarios/users-me.mjs';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
if (!arg('base')) {
  process.stderr.write('--base <dist of the previous build> is required\n');
  process.exit(2);
}
const BASE = resolve(ROOT, arg('base'));
const DIST = resolve(ROOT, arg('dist', 'dist'));
const ROUNDS = Number(arg('rounds', 5));
const DURATION = Number(arg('duration', 5));
const CONNECTIONS = Number(arg('connections', 50));
const MAIN = 'apps/api/apps/api/src/main.js';
const log = (m) => process.stderr.write(`[tracing-ab] ${m}\n`);

const work = mkdtempSync(join(tmpdir(), 'nexus-tracing-ab-'));
const processes = [];
try {
  const sinkPort = await freePort();
  const sink = startNode({
    name: 'otlp-sink',
    script: join(ROOT, 'bench/lib/otlp-sink.mjs'),
    env: { PATH: process.env.PATH, PORT: String(sinkPort) },
    cwd: ROOT,
    logFile: join(work, 'sink.log'),
  });
  processes.push(sink);
  await waitForHttp(sink, `http://${HOST}:${sinkPort}/stats`, 30_000);

  const variants = [
    { name: 'previous build', dist: BASE, env: {} },
    { name: 'tracing off', dist: DIST, env: {} },
    {
      name: 'tracing on',
      dist: DIST,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://${HOST}:${sinkPort}` },
    },
  ];
  for (const [i, v] of variants.entries()) {
    v.port = await freePort();
    v.dataDir = join(work, `data-${i}`);
    v.proc = startNode({
      name: v.name,
      script: join(v.dist, MAIN),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        HOST,
        PORT: String(v.port),
        PUBLIC_URL: `http://${HOST}:${v.port}`,
        DATA_DIR: v.dataDir,
        LOG_LEVEL: 'warn',
        JWT_SECRET: randomBytes(48).toString('base64url'),
        SEED_DEMO_DATA: 'true',
        // As bench/run.mjs: the blacklist and the global limit run, no run reaches the limits.
        ALLOWLIST_CIDRS: 'none',
        RATE_LIMIT_PER_IP: '1000000000',
        RATE_LIMIT_PER_USER: '1000000000',
        RATE_LIMIT_ROUTES: 'false',
        ...v.env,
      },
      cwd: ROOT,
      logFile: join(work, `nexus-${i}.log`),
    });
    processes.push(v.proc);
    // One at a time: three servers seeding and hashing at once time out on a busy machine.
    await waitForHttp(v.proc, `http://${HOST}:${v.port}/health/ready`, 300_000);
    const api = apiClient(v.port);
    const ctx = {
      mode: 'embedded',
      port: v.port,
      dataDir: v.dataDir,
      connections: CONNECTIONS,
      api,
      state: {},
      log,
      waitForEmail: (to, o) => waitForEmail(v.dataDir, to, o),
      tokenFromEmail,
      NotAvailable,
    };
    v.requests = {};
    for (const s of [usersMe, articleCached]) {
      const { beforeRun: _b, probe: _p, note: _n, ...req } = await s.setup(ctx);
      v.requests[s.name] = req;
    }
    log(`${v.name} ready on :${v.port}`);
  }

  const results = {};
  const loads = [];
  for (let round = 0; round < ROUNDS; round++) {
    loads.push(loadavg()[0]);
    for (const scenario of ['users-me', 'article-cached']) {
      // Rotate who goes first, so that no variant always follows the same one.
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(round + k) % variants.length];
        await runLoad({
          port: v.port,
          request: v.requests[scenario],
          duration: 1,
          connections: CONNECTIONS,
        }); // warm-up
        const r = await runLoad({
          port: v.port,
          request: v.requests[scenario],
          duration: DURATION,
          connections: CONNECTIONS,
          serverPid: v.proc.child.pid,
        });
        ((results[scenario] ??= {})[v.name] ??= []).push(r);
        log(
          `round ${round + 1} ${scenario} ${v.name}: ${Math.round(r.rps)} req/s, ` +
            `${r.serverCpuUsPerReq} µs/req, errors ${r.errors}/${r.non2xx}`,
        );
      }
    }
  }

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const stats = await (await fetch(`http://${HOST}:${sinkPort}/stats`)).json();
  const lines = [
    `tracing A/B: ${ROUNDS} rounds × ${DURATION} s, ${CONNECTIONS} connections, embedded mode; ` +
      `1-min load average at each round: ${loads.map((l) => l.toFixed(1)).join(', ')}`,
    '',
    '| scenario | variant | req/s (median) | ÷ previous | server CPU µs/req (median) | ÷ previous |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [scenario, byVariant] of Object.entries(results)) {
    const base = byVariant['previous build'];
    const baseRps = median(base.map((r) => r.rps));
    const baseCpu = median(base.map((r) => r.serverCpuUsPerReq));
    for (const [name, runs] of Object.entries(byVariant)) {
      const rps = median(runs.map((r) => r.rps));
      const cpu = median(runs.map((r) => r.serverCpuUsPerReq));
      lines.push(
        `| ${scenario} | ${name} | ${Math.round(rps)} | ${(rps / baseRps).toFixed(3)} | ` +
          `${Math.round(cpu)} | ${(cpu / baseCpu).toFixed(3)} |`,
      );
    }
  }
  lines.push('', `sink: ${stats.exports} OTLP exports, ${Math.round(stats.bytes / 1024)} KiB`);
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  for (const p of processes) await p.stop();
  rmSync(work, { recursive: true, force: true });
}
