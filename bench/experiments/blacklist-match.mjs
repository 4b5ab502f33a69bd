#!/usr/bin/env node
// Cost of one blacklist lookup (IpMatcher, libs/security-analytics) with 100k blocks in the set:
// random IPv4 and IPv6 blocks of mixed prefixes, lookups of random addresses (mostly misses, as in
// production) and of addresses inside blocks (hits), each timed over many lookups after a warm-up.
// The target of issue 9 is < 2 µs per lookup. Needs dist/ (npm run build).
//
//   node bench/experiments/blacklist-match.mjs [--blocks 100000] [--lookups 1000000] [--dist dir]
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const DIST = resolve(ROOT, arg('dist', 'dist'));
const BLOCKS = Number(arg('blocks', 100_000));
const LOOKUPS = Number(arg('lookups', 1_000_000));
const base = join(DIST, 'apps/api/libs/security-analytics/src/blocks');
const { IpMatcher } = require(join(base, 'ip-matcher.js'));
const { parseCidr, formatIp } = require(join(base, 'ip-ranges.js'));

// A small deterministic generator, so that runs compare.
let seed = 42;
const rand32 = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
};
const v4 = () => formatIp(4, rand32());
const v6 = () =>
  formatIp(
    6,
    (0x2001n << 112n) |
      (BigInt(rand32()) << 80n) |
      (BigInt(rand32()) << 48n) |
      (BigInt(rand32()) << 16n) |
      BigInt(rand32() & 0xffff),
  );

const entries = [];
for (let i = 0; i < BLOCKS; i++) {
  const six = i % 5 === 0;
  const prefix = six
    ? [48, 56, 64, 128][i % 4]
    : [16, 20, 24, 28, 32][i % 5 === 1 ? 0 : (i % 4) + 1];
  const p = parseCidr(six ? v6() : v4());
  const max = six ? 128 : 32;
  // Mask the random address down to its prefix.
  const size = six ? 1n << BigInt(max - prefix) : 2 ** (max - prefix);
  const start = six ? (p.start / size) * size : Math.floor(p.start / size) * size;
  const range = parseCidr(`${formatIp(p.family, start)}/${prefix}`);
  entries.push({ range, expiresAt: i % 3 === 0 ? Date.now() + 3600_000 : Infinity, value: i });
}
let t = process.hrtime.bigint();
const matcher = new IpMatcher(entries);
const buildMs = Number(process.hrtime.bigint() - t) / 1e6;

function measure(label, addresses) {
  const now = Date.now();
  let hits = 0;
  for (let i = 0; i < Math.min(200_000, LOOKUPS); i++)
    if (matcher.match(addresses[i % addresses.length], now) !== undefined) hits++;
  hits = 0;
  t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < LOOKUPS; i++)
    if (matcher.match(addresses[i % addresses.length], now) !== undefined) hits++;
  const used = process.cpuUsage(cpu);
  const wallNs = Number(process.hrtime.bigint() - t) / LOOKUPS;
  // CPU time of this process: what a lookup costs, whatever else the machine runs.
  const ns = ((used.user + used.system) * 1000) / LOOKUPS;
  process.stdout.write(
    `${label.padEnd(28)} ${(ns / 1000).toFixed(3)} µs CPU/lookup (wall ${(wallNs / 1000).toFixed(3)})   hits ${((100 * hits) / LOOKUPS).toFixed(1)}%\n`,
  );
  return ns;
}

const pool = (n, make) => Array.from({ length: n }, make);
const inside = (family) =>
  entries
    .filter((e) => e.range.family === family)
    .slice(0, 50_000)
    .map((e) => formatIp(family, e.range.start));
process.stdout.write(
  `blacklist match: ${BLOCKS} blocks (${entries.filter((e) => e.range.family === 6).length} IPv6), ` +
    `built in ${buildMs.toFixed(0)} ms, ${LOOKUPS} lookups per row, node ${process.version}\n`,
);
const results = {
  v4Random: measure('IPv4, random addresses', pool(100_000, v4)),
  v4Inside: measure('IPv4, inside blocks', inside(4)),
  v6Random: measure('IPv6, random addresses', pool(100_000, v6)),
  v6Inside: measure('IPv6, inside blocks', inside(6)),
};
const worst = Math.max(...Object.values(results)) / 1000;
process.stdout.write(
  `worst ${worst.toFixed(3)} µs/lookup: ${worst < 2 ? 'PASS' : 'FAIL'} (target < 2 µs)\n`,
);
