import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeTarget, markdown, textTable, verdict } from '../lib/report.mjs';

const row = (over = {}) => ({
  name: 'ping',
  status: 'measured',
  rps: 6000,
  requests: 60_000,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  latencyMs: { p50: 5, p99: 20 },
  baselineRps: 10_000,
  ratio: 0.6,
  ...over,
});

test('ratio target: PASS at or above, FAIL below', () => {
  assert.equal(verdict(row(), { ratio: 0.5 }).verdict, 'PASS');
  assert.equal(verdict(row({ ratio: 0.49 }), { ratio: 0.5 }).verdict, 'FAIL');
});

test('p99 target: strictly below', () => {
  assert.equal(verdict(row(), { p99Ms: 25 }).verdict, 'PASS');
  assert.equal(verdict(row({ latencyMs: { p50: 5, p99: 25 } }), { p99Ms: 25 }).verdict, 'FAIL');
});

test('no target: REPORT; failures above 1% make any row FAIL', () => {
  assert.equal(verdict(row(), null).verdict, 'REPORT');
  assert.equal(verdict(row({ non2xx: 601 }), null).verdict, 'FAIL');
  assert.equal(verdict(row({ non2xx: 600 }), null).verdict, 'REPORT');
  // A timeout is in `errors` too: counted once.
  const v = verdict(row({ requests: 10, errors: 5, timeouts: 5 }), null);
  assert.equal(v.why, '5 of 15 requests failed or non-2xx');
  assert.equal(verdict(row({ requests: 0 }), { ratio: 0.1 }).verdict, 'FAIL');
});

test('targets are described in words', () => {
  assert.equal(describeTarget({ ratio: 0.15 }), '>= 15% of baseline');
  assert.equal(describeTarget({ p99Ms: 25 }), 'p99 < 25 ms');
  assert.equal(describeTarget(null), 'report only');
});

test('tables show measured and unavailable rows', () => {
  const rows = [
    {
      ...row(),
      targetText: '>= 50% of baseline',
      verdict: 'PASS',
      serverCpuUsPerReq: 40,
      baselineCpuUsPerReq: 18,
    },
    {
      name: 'login',
      status: 'not available',
      targetText: 'report only',
      note: 'module users not in this build',
    },
  ];
  const text = textTable(rows);
  assert.match(text, /ping\s+6000\s+5\s+20\s+0\/0\s+10000\s+60\.0%\s+40 \/ 18/);
  assert.match(text, /login .*NOT AVAILABLE\s+module users not in this build/);
  const md = markdown({
    mode: 'embedded',
    startedAt: 'T',
    commit: 'abc',
    node: 'v20',
    cpus: 2,
    cpuModel: 'cpu',
    options: { connections: 50, duration: 10, warmup: 3 },
    rows,
    notes: ['a note'],
  });
  assert.match(md, /\| ping \| 6000 \| 5 \| 20 \| 0\/0 \| 10000 \| 60\.0% \| 40 \/ 18 \|/);
  assert.match(md, /- a note/);
});
