#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): top self-time functions, and self and
// inclusive time per package, as shares of the busy (non-idle) time.
// CLI: node bench/lib/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const IDLE = new Set(['(idle)']);

/** Where a frame's code lives: an npm package, node's own code, V8 pseudo-frames, or the app. */
export function areaOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 14).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  // Nexus's own compiled code (dist/ or a copy such as bench/.dist/): `nexus:<lib>/<folder>`.
  const dist = /\/\.?dist\/(?:apps\/\w+\/)?/.exec(url);
  if (dist) {
    const rest = url.slice(dist.index + dist[0].length).split('/');
    if (rest[0] === 'libs' && rest[2] === 'src')
      return `nexus:${rest[1]}/${rest.length > 4 ? rest[3] : ''}`;
    return `nexus:${rest.slice(0, -1).join('/')}`;
  }
  return url.replace(/^file:\/\//, '');
}

const frameKey = ({ functionName, url, lineNumber }) =>
  `${functionName || '(anonymous)'}  ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;

function shortUrl(url) {
  if (!url) return '';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + 14);
  const dist = /\/\.?dist\//.exec(url);
  if (dist) return url.slice(dist.index + 1);
  return url.replace(/^file:\/\//, '');
}

/**
 * `window` ({ fromUs, toUs }, CLOCK_MONOTONIC microseconds, the clock of process.hrtime and of the
 * profile's timestamps on Linux) keeps only the samples taken during one measured run.
 */
export function summariseProfile(profile, top = 25, window = undefined) {
  const byId = new Map();
  const parent = new Map();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  let ts = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    ts += timeDeltas[i];
    if (window && (ts < window.fromUs || ts > window.toUs)) continue;
    // timeDeltas[i + 1] is the time until the next sample: the time spent in samples[i].
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }

  let totalUs = 0;
  let idleUs = 0;
  const fnSelf = new Map();
  const areaSelf = new Map();
  const areaIncl = new Map();
  const fnIncl = new Map();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    totalUs += us;
    if (IDLE.has(functionName)) {
      idleUs += us;
      continue;
    }
    const key = frameKey(node.callFrame);
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + us);
    const area = areaOf(url, functionName);
    areaSelf.set(area, (areaSelf.get(area) ?? 0) + us);
    // Inclusive: every area on this sample's stack, counted once per sample.
    const areas = new Set();
    const fns = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      if (f.functionName === '(root)') break;
      areas.add(areaOf(f.url, f.functionName));
      fns.add(frameKey(f));
    }
    for (const a of areas) areaIncl.set(a, (areaIncl.get(a) ?? 0) + us);
    for (const f of fns) fnIncl.set(f, (fnIncl.get(f) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const rank = (m, n) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), pct: round1((100 * us) / busyUs) }));
  return {
    wallMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    idlePct: round1((100 * idleUs) / totalUs),
    topSelf: rank(fnSelf, top),
    areaSelf: rank(areaSelf, top),
    areaInclusive: rank(areaIncl, top),
    // Long, because the framework's own wrappers fill the top of it.
    fnInclusive: rank(fnIncl, top * 2),
  };
}

const round1 = (x) => Math.round(x * 10) / 10;

export function formatSummary(s) {
  const lines = [`wall ${s.wallMs} ms, busy ${s.busyMs} ms, idle ${s.idlePct}%`, ''];
  const table = (title, rows) => {
    lines.push(`${title} (% of busy time)`);
    for (const r of rows)
      lines.push(`  ${String(r.pct).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.name}`);
    lines.push('');
  };
  table('Top self time, by function', s.topSelf);
  table('Self time, by package', s.areaSelf);
  table('Inclusive time, by package (on the stack)', s.areaInclusive);
  table('Inclusive time, by function (on the stack)', s.fnInclusive);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, top] = process.argv.slice(2);
  // Whole-profile summary (start-up included); run.mjs --profile summarises each measured window.
  if (!file) {
    process.stderr.write('usage: profile-summary.mjs <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')), Number(top ?? 25));
  process.stdout.write(formatSummary(summary) + '\n');
}
