import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaOf, summariseProfile } from '../lib/profile-summary.mjs';

// root → handler (app code) → child (pino); plus (idle). Samples every 1000 µs.
const frame = (id, functionName, url, children = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' },
  hitCount: 0,
  children,
});
const profile = {
  nodes: [
    frame(1, '(root)', '', [2, 4]),
    frame(2, 'handler', 'file:///srv/dist/apps/api/libs/core/src/http/configure-http.js', [3]),
    frame(3, 'child', 'file:///srv/node_modules/pino/lib/proto.js'),
    frame(4, '(idle)', ''),
  ],
  startTime: 1_000_000,
  endTime: 1_010_000,
  // sample i at startTime + sum(timeDeltas[0..i]); the time until the next sample is its cost.
  samples: [3, 3, 3, 2, 4, 4, 3, 2, 2, 4],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

test('self time by function and package, idle excluded from busy time', () => {
  const s = summariseProfile(profile, 10);
  // 9 timed samples (the last has no successor): child 4, handler 3, idle 2.
  assert.equal(s.busyMs, 7);
  assert.equal(s.topSelf[0].name.startsWith('child  pino/lib/proto.js'), true);
  assert.equal(s.topSelf[0].ms, 4);
  assert.equal(s.areaSelf.find((a) => a.name === 'pino').ms, 4);
  assert.equal(s.areaSelf.find((a) => a.name === 'nexus:core/http').ms, 3);
});

test('inclusive time counts every package on the stack once per sample', () => {
  const s = summariseProfile(profile, 10);
  // The handler is on the stack of its own samples and of child's.
  assert.equal(s.areaInclusive.find((a) => a.name === 'nexus:core/http').ms, 7);
  assert.equal(s.areaInclusive.find((a) => a.name === 'pino').ms, 4);
});

test('a window keeps only the samples taken inside it', () => {
  // Samples 4..6 (timestamps 1_005_000..1_007_000): idle, idle, child.
  const s = summariseProfile(profile, 10, { fromUs: 1_005_000, toUs: 1_007_000 });
  assert.equal(s.busyMs, 1);
  assert.deepEqual(
    s.topSelf.map((r) => r.name.split('  ')[0]),
    ['child'],
  );
});

test('areas: packages, scoped packages, node internals, Nexus libs, V8 pseudo-frames', () => {
  assert.equal(areaOf('file:///x/node_modules/@nestjs/core/router/a.js', 'f'), '@nestjs/core');
  assert.equal(areaOf('file:///x/node_modules/a/node_modules/pino/x.js', 'f'), 'pino');
  assert.equal(areaOf('node:internal/async_hooks', 'f'), 'node:internal');
  assert.equal(
    areaOf('file:///w/bench/.dist/apps/api/libs/users/src/auth/x.js', 'f'),
    'nexus:users/auth',
  );
  assert.equal(areaOf('', '(garbage collector)'), '(garbage collector)');
  assert.equal(areaOf('', 'writev'), '(native)');
});
