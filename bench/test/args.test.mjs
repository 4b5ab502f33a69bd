import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from '../lib/args.mjs';

test('defaults', () => {
  const o = parseArgs([]);
  assert.equal(o.mode, 'embedded');
  assert.equal(o.duration, 10);
  assert.equal(o.connections, 50);
  assert.equal(o.rounds, 1);
  assert.equal(o.save, true);
});

test('values, inline values, lists and repeated --env', () => {
  const o = parseArgs([
    '--mode=full',
    '--only',
    'ping, users-me',
    '--duration',
    '5',
    '--env',
    'A=1',
    '--env',
    'B=x=y',
    '--no-save',
  ]);
  assert.equal(o.mode, 'full');
  assert.deepEqual(o.only, ['ping', 'users-me']);
  assert.equal(o.duration, 5);
  assert.deepEqual(o.env, { A: '1', B: 'x=y' });
  assert.equal(o.save, false);
});

test('bounds: load is limited in time and connections', () => {
  assert.throws(() => parseArgs(['--duration', '0']), /--duration/);
  assert.throws(() => parseArgs(['--duration', '301']), /--duration/);
  assert.throws(() => parseArgs(['--connections', '1001']), /--connections/);
  assert.throws(() => parseArgs(['--mode', 'cluster']), /--mode/);
  assert.throws(() => parseArgs(['--bogus']), /unknown option/);
  assert.throws(() => parseArgs(['--only']), /needs a value/);
});

test('--otel turns tracing on (off by default)', () => {
  assert.equal(parseArgs([]).otel, false);
  assert.equal(parseArgs(['--otel']).otel, true);
});
