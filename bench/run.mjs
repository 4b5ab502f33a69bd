#!/usr/bin/env node
// Nexus benchmark harness: starts a bare Fastify hello-world and the built Nexus api (each in its
// own child process, on 127.0.0.1), then runs each scenario with autocannon from this process,
// measuring the baseline again right before every scenario so that ratios compare like with like.
// See bench/README.md. Targets are reported, never enforced: the exit code is 0 unless the harness
// itself could not run (server did not start, a scenario's setup broke).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, USAGE } from './lib/args.mjs';
import { createFullModeResources } from './lib/full-mode.mjs';
import { apiClient, NotAvailable, tokenFromEmail, waitForEmail } from './lib/http.mjs';
import { runLoad } from './lib/load.mjs';
import { runOpenLoop } from './lib/open-loop.mjs';
import { HOST, cpuTimeMs, freePort, startNode, waitForHttp } from './lib/processes.mjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatSummary, summariseProfile } from './lib/profile-summary.mjs';
import { describeTarget, markdown, textTable, verdict } from './lib/report.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const MAIN_IN_DIST = 'apps/api/apps/api/src/main.js';
const SEED_IN_DIST = 'apps/api/apps/api/src/seed.js';
const RESULTS_DIR = join(BENCH_DIR, 'results');
/** Report order; scenarios not listed here follow in file-name order. */
const ORDER = [
  'health-live',
  'ping',
  'users-me',
  'login',
  'refresh',
  'article-cached',
  'article-cached-blacklist',
  'articles-list',
  'articles-list-200rps',
  'articles-search',
];
/** How each optional module is detected: a 404 here means the module is not in this build. */
const MODULE_PROBES = {
  users: { method: 'POST', path: '/api/v1/auth/login', body: {} },
  content: { method: 'GET', path: '/api/v1/articles?limit=1' },
};

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
/** The administrator the api creates at start (scenarios that need admin endpoints log in). */
const BENCH_ADMIN = {
  email: 'bench-admin@example.com',
  password: `Bench-admin-${randomBytes(12).toString('base64url')}`,
};

async function loadScenarios() {
  const dir = join(BENCH_DIR, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const scenarios = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    if (typeof mod.name !== 'string' || typeof mod.setup !== 'function') {
      throw new Error(`bench/scenarios/${f} must export name and setup(ctx)`);
    }
    scenarios.push(mod);
  }
  const rank = (s) => (ORDER.includes(s.name) ? ORDER.indexOf(s.name) : ORDER.length);
  return scenarios.sort((a, b) => rank(a) - rank(b));
}

function ensureBuilt(distDir) {
  const main = join(distDir, MAIN_IN_DIST);
  if (!existsSync(main)) {
    if (distDir !== join(ROOT, 'dist')) throw new Error(`${main} does not exist`);
    log('dist/ is missing: running `npm run build` first');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    return;
  }
  // A stale build benchmarks old code without saying so: warn when a source is newer.
  const built = statSync(main).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (
        e.name.endsWith('.ts') &&
        !e.name.endsWith('.spec.ts') &&
        statSync(p).mtimeMs > built
      )
        newer.push(p);
    }
  };
  for (const d of ['apps', 'libs']) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  if (newer.length) {
    log(
      `warning: ${newer.length} source file(s) are newer than dist/ (e.g. ${newer[0].slice(ROOT.length + 1)}); run \`npm run build\``,
    );
  }
}

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return 'unknown';
  }
}

/**
 * `npm run seed -- --articles N` against the same data dir / database the server will use: the
 * seed entry of the build being measured when it has one, else the npm script.
 */
/**
 * Waits until the server process uses under 5% of a CPU over half a second (at most 60 s): the
 * background work a scenario's setup caused is then done.
 */
async function settle(pid, { timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let pct = 100;
  while (Date.now() < deadline) {
    const before = cpuTimeMs(pid);
    await sleep(500);
    const after = cpuTimeMs(pid);
    if (before === undefined || after === undefined) return { quiet: true, pct: 0 };
    pct = Math.round(((after - before) / 500) * 100);
    if (pct < 5) return { quiet: true, pct };
  }
  return { quiet: false, pct };
}

async function seedLargeDataSet(distDir, env, articles) {
  const entry = join(distDir, SEED_IN_DIST);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  let command;
  if (existsSync(entry)) command = [process.execPath, [entry, '--articles', String(articles)]];
  else if (pkg.scripts?.seed)
    command = ['npm', ['run', 'seed', '--', '--articles', String(articles)]];
  else return { ok: false, reason: 'no `npm run seed` in this build' };
  log(`seeding ${articles} articles (npm run seed -- --articles ${articles}) ...`);
  const started = Date.now();
  const child = spawn(command[0], command[1], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
  const limitMs = 30 * 60_000;
  const timer = setTimeout(() => child.kill('SIGTERM'), limitMs);
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
  clearTimeout(timer);
  const seconds = Math.round((Date.now() - started) / 1000);
  if (code !== 0)
    return {
      ok: false,
      reason: `seed failed (${code}) after ${seconds} s: ${output.trim().split('\n').slice(-3).join(' / ')}`,
    };
  log(`seeded in ${seconds} s`);
  return { ok: true, seconds };
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let scenarios = await loadScenarios();
  if (opts.list) {
    for (const s of scenarios)
      process.stdout.write(`${s.name.padEnd(22)} ${s.description ?? ''}\n`);
    return 0;
  }
  if (opts.only) {
    const names = new Set(scenarios.map((s) => s.name));
    const unknown = opts.only.filter((n) => !names.has(n));
    if (unknown.length)
      throw new Error(
        `unknown scenario(s): ${unknown.join(', ')} (known: ${[...names].join(', ')})`,
      );
    scenarios = scenarios.filter((s) => opts.only.includes(s.name));
  }
  const distDir = resolve(ROOT, opts.dist);
  ensureBuilt(distDir);

  const startedAt = new Date();
  const workDir = mkdtempSync(join(tmpdir(), 'nexus-bench-'));
  if (opts.dataDir && opts.mode === 'full') throw new Error('--data-dir is for embedded mode');
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : join(workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const profileDir = join(workDir, 'profile');
  const cleanups = [];
  const notes = [];
  const rows = [];
  const baselineRuns = [];
  let nexus;
  let baseline;
  let sink;
  let harnessFailed = false;

  try {
    let fullEnv = {};
    if (opts.mode === 'full') {
      const resources = await createFullModeResources({
        databaseUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL,
        redisUrl: process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL,
      });
      cleanups.push(async () => {
        for (const p of await resources.cleanup()) log(`cleanup: ${p}`);
      });
      fullEnv = resources.env;
      log(`full mode: database ${resources.dbName}, redis prefix ${resources.env.REDIS_PREFIX}`);
      notes.push(
        'Full mode: PostgreSQL + Redis on this machine; the api process also runs the queue workers (RUN_WORKERS=true).',
      );
    }

    const [basePort, nexusPort] = [await freePort(), await freePort()];
    const sinkPort = opts.otel ? await freePort() : undefined;
    const nexusEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST,
      PORT: String(nexusPort),
      PUBLIC_URL: `http://${HOST}:${nexusPort}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      SEED_DEMO_DATA: 'true',
      // The blacklist and the global rate limit run on every request, as in production: loopback
      // (the load generator) is not allowlisted and the limits are set where no run reaches them.
      // The named route limits are off: login and refresh measure argon2 and token rotation.
      ALLOWLIST_CIDRS: 'none',
      RATE_LIMIT_PER_IP: '1000000000',
      RATE_LIMIT_PER_USER: '1000000000',
      RATE_LIMIT_ROUTES: 'false',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...(opts.mode === 'full' ? { ...fullEnv, RUN_WORKERS: 'true' } : {}),
      // Tracing on (every request sampled, the SDK's default), exported to the local sink.
      ...(opts.otel ? { OTEL_EXPORTER_OTLP_ENDPOINT: `http://${HOST}:${sinkPort}` } : {}),
      ...opts.env,
    };

    // The large data set is written before the server starts (PGlite is single-process).
    let largeDataSet = { ok: true };
    if (scenarios.some((s) => s.dataset === 'large')) {
      largeDataSet = await seedLargeDataSet(
        distDir,
        { ...nexusEnv, PORT: undefined },
        opts.articles,
      );
      if (largeDataSet.ok)
        notes.push(
          `Large data set: ${opts.articles} articles, ` +
            (opts.dataDir
              ? `data dir ${opts.dataDir} reused (topped up in ${largeDataSet.seconds} s).`
              : `seeded in ${largeDataSet.seconds} s before the run.`),
        );
    }

    if (opts.otel) {
      sink = startNode({
        name: 'otlp-sink',
        script: join(BENCH_DIR, 'lib/otlp-sink.mjs'),
        env: { PATH: process.env.PATH, PORT: String(sinkPort) },
        cwd: ROOT,
        logFile: join(workDir, 'otlp-sink.log'),
      });
      await waitForHttp(sink, `http://${HOST}:${sinkPort}/stats`, 30_000);
    }
    baseline = startNode({
      name: 'baseline',
      script: join(BENCH_DIR, 'lib/baseline-server.mjs'),
      env: { PATH: process.env.PATH, PORT: String(basePort) },
      cwd: ROOT,
      logFile: join(workDir, 'baseline.log'),
    });
    nexus = startNode({
      name: 'nexus',
      script: join(distDir, MAIN_IN_DIST),
      nodeArgs: opts.profile
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${profileDir}`,
            '--require',
            join(BENCH_DIR, 'lib/exit-on-message.cjs'),
          ]
        : [],
      env: nexusEnv,
      cwd: ROOT,
      logFile: join(workDir, 'nexus.log'),
    });
    log(
      `starting baseline on :${basePort} and nexus (${opts.mode}) on :${nexusPort}; logs in ${workDir}`,
    );
    await waitForHttp(baseline, `http://${HOST}:${basePort}/`, 30_000);
    const bootStarted = Date.now();
    await waitForHttp(nexus, `http://${HOST}:${nexusPort}/health/ready`, 180_000);
    log(`nexus ready in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s`);

    const api = apiClient(nexusPort);
    const modules = {};
    for (const [mod, probe] of Object.entries(MODULE_PROBES)) {
      modules[mod] =
        (await api.call(probe.method, probe.path, { body: probe.body })).status !== 404;
    }
    log(
      `modules present: ${
        Object.entries(modules)
          .filter(([, v]) => v)
          .map(([k]) => k)
          .join(', ') || 'core only'
      }`,
    );

    const baselineRequest = { path: '/', method: 'GET' };
    if (opts.warmup > 0)
      await runLoad({
        port: basePort,
        request: baselineRequest,
        duration: opts.warmup,
        connections: opts.connections,
      });

    const ctx = {
      mode: opts.mode,
      port: nexusPort,
      dataDir,
      connections: opts.connections,
      api,
      state: {},
      admin: BENCH_ADMIN,
      log,
      waitForEmail: (to, o) => waitForEmail(dataDir, to, o),
      tokenFromEmail,
      NotAvailable,
    };
    const profileWindows = {};

    for (const scenario of scenarios) {
      if (!nexus.running) throw new Error(`nexus exited during the run (see ${nexus.logFile})`);
      const target =
        typeof scenario.target === 'function' ? scenario.target(opts.mode) : scenario.target;
      const row = {
        name: scenario.name,
        targetText: describeTarget(target),
        target: target ?? null,
      };
      rows.push(row);
      const missing = (scenario.requires ?? []).filter((m) => !modules[m]);
      if (missing.length) {
        Object.assign(row, {
          status: 'not available',
          note: `module ${missing.join(', ')} not in this build`,
        });
        log(`${scenario.name}: not available (${row.note})`);
        continue;
      }
      if (scenario.dataset === 'large' && !largeDataSet.ok) {
        Object.assign(row, { status: 'not available', note: largeDataSet.reason });
        log(`${scenario.name}: not available (${row.note})`);
        continue;
      }
      let request;
      try {
        const { beforeRun, probe = true, note, ...req } = await scenario.setup(ctx);
        request = { req, beforeRun, note };
        if (probe) {
          const res = await api.call(req.method ?? 'GET', req.path, {
            headers: req.headers,
            body: typeof req.body === 'string' ? JSON.parse(req.body) : req.body,
          });
          if (res.status === 404)
            throw new NotAvailable(`${req.method ?? 'GET'} ${req.path} answers 404`);
          if (res.status >= 300)
            throw new Error(
              `probe ${req.method ?? 'GET'} ${req.path} answered ${res.status}: ${res.text.slice(0, 200)}`,
            );
        }
        // What the setup set off in the background (events, notifications, emails of the data it
        // created) must not be measured as the scenario's cost.
        const settled = await settle(nexus.child.pid);
        if (!settled.quiet)
          log(`${scenario.name}: server still busy after setup (${settled.pct}% CPU)`);
      } catch (e) {
        if (e instanceof NotAvailable) {
          Object.assign(row, { status: 'not available', note: e.message });
          log(`${scenario.name}: not available (${e.message})`);
        } else {
          Object.assign(row, { status: 'error', note: e.message });
          log(`${scenario.name}: setup failed: ${e.stack ?? e}`);
          harnessFailed = true;
        }
        continue;
      }

      const rounds = [];
      for (let round = 1; round <= opts.rounds; round++) {
        const tag = opts.rounds > 1 ? ` (round ${round}/${opts.rounds})` : '';
        const loadAvg = loadavg()[0];
        log(`${scenario.name}${tag}: baseline ${opts.duration} s ...`);
        const base = await runLoad({
          port: basePort,
          request: baselineRequest,
          duration: opts.duration,
          connections: opts.connections,
          serverPid: baseline.child.pid,
        });
        baselineRuns.push({ before: scenario.name, round, ...base });
        if (opts.warmup > 0 && round === 1) {
          await request.beforeRun?.();
          log(`${scenario.name}: warm-up ${opts.warmup} s ...`);
          await runLoad({
            port: nexusPort,
            request: request.req,
            duration: opts.warmup,
            connections: opts.connections,
          });
        }
        await request.beforeRun?.();
        log(`${scenario.name}${tag}: measuring ${opts.duration} s ...`);
        const fromUs = nowUs();
        const measure = request.req.rate
          ? runOpenLoop({
              port: nexusPort,
              request: request.req,
              duration: opts.duration,
              connections: opts.connections,
              rate: request.req.rate,
              serverPid: nexus.child.pid,
            })
          : runLoad({
              port: nexusPort,
              request: request.req,
              duration: opts.duration,
              connections: opts.connections,
              serverPid: nexus.child.pid,
            });
        const result = await measure;
        (profileWindows[scenario.name] ??= []).push({ fromUs, toUs: nowUs() });
        rounds.push({
          ...result,
          baselineRps: base.rps,
          baselineCpuUsPerReq: base.serverCpuUsPerReq,
          // At a fixed request rate, throughput says nothing about the server.
          ratio: base.rps && !request.req.rate ? result.rps / base.rps : null,
          loadAvgBefore: Math.round(loadAvg * 100) / 100,
        });
      }
      // The median round by ratio (all rounds are kept in the JSON).
      const key = (r) => r.ratio ?? -r.latencyMs.p99;
      const median = [...rounds].sort((a, b) => key(a) - key(b))[
        Math.floor((rounds.length - 1) / 2)
      ];
      Object.assign(row, {
        status: 'measured',
        ...median,
        rounds: opts.rounds > 1 ? rounds : undefined,
      });
      const v = verdict(row, target);
      row.verdict = v.verdict;
      const busy = rounds.some((r) => r.loadAvgBefore > 1)
        ? `machine busy before the run (load ${Math.max(...rounds.map((r) => r.loadAvgBefore))})`
        : '';
      row.note = [request.note, v.why, busy].filter(Boolean).join('; ');
      log(
        `${scenario.name}: ${row.rps} req/s (baseline ${row.baselineRps}), p99 ${row.latencyMs.p99} ms, ` +
          `cpu ${row.serverCpuUsPerReq ?? '?'} µs/req (baseline ${row.baselineCpuUsPerReq ?? '?'}), ${row.verdict}`,
      );
    }

    let profile;
    if (opts.profile) {
      await nexus.stop({ viaMessage: true });
      const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error(`--profile: no .cpuprofile written in ${profileDir}`);
      const raw = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
      profile = { file: join(profileDir, file), scenarios: {} };
      for (const [name, windows] of Object.entries(profileWindows)) {
        // The first measured round of each scenario (rounds of one scenario look alike).
        const summary = summariseProfile(raw, 25, windows[0]);
        profile.scenarios[name] = summary;
        process.stdout.write(
          `\n=== CPU profile of nexus during "${name}" ===\n${formatSummary(summary)}\n`,
        );
      }
      notes.push(
        'Profiled run (node --cpu-prof): the profiler slows the server down; do not compare these numbers with unprofiled runs.',
      );
    }

    if (opts.otel) {
      const stats = await (await fetch(`http://${HOST}:${sinkPort}/stats`)).json();
      notes.push(
        `Tracing on (--otel): every request sampled, ${stats.exports} OTLP exports ` +
          `(${Math.round(stats.bytes / 1024)} KiB) received by the local sink.`,
      );
    }

    const run = {
      mode: opts.mode,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
      options: {
        duration: opts.duration,
        warmup: opts.warmup,
        rounds: opts.rounds,
        connections: opts.connections,
        only: opts.only ?? null,
        profile: opts.profile,
        otel: opts.otel,
        articles: opts.articles,
        dist: opts.dist,
      },
      rows,
      baselineRuns,
      notes,
      profile,
    };
    process.stdout.write(
      `\nNexus benchmark (${opts.mode} mode, ${opts.connections} connections, ${opts.duration} s per run)\n`,
    );
    process.stdout.write(textTable(rows) + '\n');
    process.stdout.write(
      'Targets are reported, not enforced (exit code 0 whatever the results).\n',
    );

    if (opts.save) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const stamp = startedAt
        .toISOString()
        .replace(/:/g, '-')
        .replace(/\.\d+Z$/, 'Z');
      const suffix = `${opts.profile ? '-profile' : ''}${opts.otel ? '-otel' : ''}`;
      const jsonFile = join(RESULTS_DIR, `${stamp}-${opts.mode}${suffix}.json`);
      writeFileSync(jsonFile, JSON.stringify(run, null, 2) + '\n');
      log(`wrote ${jsonFile.slice(ROOT.length + 1)}`);
      if (opts.profile) {
        log(`raw profile kept at ${profile.file} (open it in Chrome DevTools > Performance)`);
      } else if (opts.otel) {
        log(`--otel: latest-${opts.mode}.md left as it is (it records runs with tracing off)`);
      } else if (opts.only) {
        // latest-<mode>.md is the last complete run; a subset would hide the other scenarios.
        log(`--only: latest-${opts.mode}.md left as it is`);
      } else {
        const mdFile = join(RESULTS_DIR, `latest-${opts.mode}.md`);
        writeFileSync(mdFile, markdown(run));
        log(`wrote ${mdFile.slice(ROOT.length + 1)}`);
      }
    }
  } catch (e) {
    // The server logs live in the temporary work dir, removed below: show their end now.
    for (const p of [nexus, baseline].filter(Boolean)) {
      const tail = existsSync(p.logFile)
        ? readFileSync(p.logFile, 'utf8').trim().split('\n').slice(-25).join('\n')
        : '';
      if (tail) log(`last lines of ${p.name}'s log:\n${tail}`);
    }
    throw e;
  } finally {
    await nexus?.stop();
    await baseline?.stop();
    await sink?.stop();
    for (const c of cleanups) await c().catch((e) => log(`cleanup failed: ${e.message}`));
    if (opts.profile) log(`work dir kept for the profile: ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  return harnessFailed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`harness failed: ${e.stack ?? e}`);
    process.exit(1);
  },
);
