#!/usr/bin/env node
// `npm test`: every Jest project (unit + e2e). PGlite loads parts of itself with a dynamic
// import(), which Jest's VM only allows with --experimental-vm-modules.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestBin = require.resolve('jest/bin/jest');
const nodeOptions = [process.env.NODE_OPTIONS ?? '', '--experimental-vm-modules', '--no-warnings=ExperimentalWarning']
  .join(' ')
  .trim();
const args = process.argv.slice(2);
// The benchmark harness has its own small node:test suite; it runs first (Jest's summary stays the
// closing lines) and only on a full run, not when Jest is given filters.
if (!args.some((a) => !a.startsWith('--') || a.startsWith('--selectProjects') || a.startsWith('--testPath'))) {
  const bench = spawnSync(process.execPath, ['--test', 'bench/test/'], { stdio: 'inherit' });
  if (bench.status !== 0) process.exit(bench.status ?? 1);
}
const result = spawnSync(process.execPath, [jestBin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
process.exit(result.status ?? 1);
