#!/usr/bin/env node
// `npm start` of a fresh clone, measured: seconds until /health/live answers, RSS then and once the
// demo data is written and the geo enrichment it causes has run, CPU seconds of the api process
// and of its finished children (the build, the database's creation). Each commit is cloned into
// a temporary folder; node_modules is a link to this repository's (--npm-ci: a real `npm ci`
// instead, once per clone). Runs alternate between the commits; each first start removes dist/
// and data/, a `--later` start keeps both.
//
//   node bench/experiments/first-start.mjs [--runs 3] [--later] [--npm-ci] [--hold 8] <commit>...
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../lib/processes.mjs';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args.splice(i, 2)[1];
};
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i !== -1 && args.splice(i, 1).length > 0;
};
const runs = Number(option('runs', 3));
const holdSeconds = Number(option('hold', 8));
const later = flag('later');
const npmCi = flag('npm-ci');
const commits = args.length ? args : ['HEAD'];

/** RSS (MB) and CPU seconds of the process itself and of its waited-for children. */
function sample(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = (i) => Number(stat[i]) / 100;
  return {
    rss: Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024),
    cpu: +(ticks(11) + ticks(12)).toFixed(2),
    childCpu: +(ticks(13) + ticks(14)).toFixed(2),
  };
}

async function start(dir, fresh) {
  if (fresh)
    for (const d of ['dist', 'data']) rmSync(join(dir, d), { recursive: true, force: true });
  const port = await freePort();
  const load = loadavg()[0];
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let seededAt;
  child.stdout.on('data', (d) => {
    output += d;
    if (!seededAt && output.includes('Demo data:')) seededAt = performance.now();
  });
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let liveAt;
  while (!liveAt) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/live`);
      await res.arrayBuffer();
      if (res.status === 200) liveAt = performance.now();
    } catch {
      // not listening yet
    }
    if (!liveAt) await sleep(25);
  }
  const atLive = sample(child.pid);
  // The demo data (first start only), then the enrichment its request history triggers.
  for (let i = 0; fresh && !seededAt && i < 600; i++) await sleep(50);
  await sleep(holdSeconds * 1000);
  const settled = sample(child.pid);
  child.kill('SIGTERM');
  await exited;
  const s = (t) => (t === undefined ? null : +((t - t0) / 1000).toFixed(2));
  return {
    live: s(liveAt),
    seeded: s(seededAt),
    rssAtLive: atLive.rss,
    rssSettled: settled.rss,
    apiCpuAtLive: atLive.cpu,
    childCpu: settled.childCpu,
    load: +load.toFixed(2),
  };
}

const clones = [];
try {
  for (const commit of commits) {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-first-start-'));
    clones.push(dir);
    execFileSync('git', ['clone', '-q', ROOT, dir]);
    execFileSync('git', ['checkout', '-q', commit], { cwd: dir });
    if (npmCi)
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
    else symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  for (let r = 0; r < runs; r++) {
    for (const [i, commit] of commits.entries())
      console.log(JSON.stringify({ commit, start: 'first', ...(await start(clones[i], true)) }));
  }
  if (later) {
    for (const [i, commit] of commits.entries())
      console.log(JSON.stringify({ commit, start: 'later', ...(await start(clones[i], false)) }));
  }
} finally {
  for (const dir of clones) rmSync(dir, { recursive: true, force: true });
}
