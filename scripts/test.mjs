#!/usr/bin/env node
// `npm test`: every Jest project (unit + e2e). PGlite loads parts of itself with a dynamic
// import(), which Jest's VM only allows with --experimental-vm-modules.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const jestBin = require.resolve('jest/bin/jest');
const nodeOptions = [
  process.env.NODE_OPTIONS ?? '',
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
]
  .join(' ')
  .trim();
const args = process.argv.slice(2);
// The benchmark harness has its own small node:test suite; it runs first (Jest's summary stays the
// closing lines) and only on a full run, not when Jest is given filters.
const counts = { passed: 0, failed: 0, skipped: 0 };
if (
  !args.some(
    (a) => !a.startsWith('--') || a.startsWith('--selectProjects') || a.startsWith('--testPath'),
  )
) {
  const bench = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'bench/test/'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  process.stdout.write(bench.stdout);
  counts.passed += Number(/ℹ pass (\d+)/.exec(bench.stdout)?.[1] ?? 0);
  counts.failed += Number(/ℹ fail (\d+)/.exec(bench.stdout)?.[1] ?? 0);
  if (bench.status !== 0) counts.failed = Math.max(counts.failed, 1);
}
const report = join(mkdtempSync(join(tmpdir(), 'nexus-jest-')), 'report.json');
const result = spawnSync(process.execPath, [jestBin, ...args, '--json', `--outputFile=${report}`], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  counts.skipped += r.numPendingTests + r.numTodoTests;
}
// One plain closing line for whoever reads the end of the log (Jest's own summary and the
// harness's node:test summary are above).
process.stdout.write(
  `\ntests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`,
);
process.exit(result.status !== 0 ? (result.status ?? 1) : counts.failed ? 1 : 0);
