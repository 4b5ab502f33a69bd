import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { runOpenLoop } from '../lib/open-loop.mjs';

async function server(handler) {
  const s = createServer(handler);
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return { s, port: s.address().port };
}

test('sends at an even rate, not in bursts, with per-request paths', async () => {
  const arrivals = [];
  const paths = new Set();
  const { s, port } = await server((req, res) => {
    arrivals.push(performance.now());
    paths.add(req.url);
    res.end('ok');
  });
  let n = 0;
  const before = performance.now();
  const result = await runOpenLoop({
    port,
    request: { path: '/x', requests: [{ setupRequest: (r) => ({ ...r, path: `/x?i=${n++}` }) }] },
    duration: 2,
    connections: 10,
    rate: 100,
  });
  s.close();
  assert.equal(result.requests, 200);
  assert.equal(arrivals.length, 200);
  assert.equal(paths.size, 200);
  // Evenly spaced: request k is due 10 ms × k after the run starts and never leaves early
  // (autocannon's rate limiting would put a whole second's quota in the first few milliseconds).
  // Leaving late is allowed: a stalled machine delays requests, and the runner then sends the
  // overdue ones.
  arrivals.sort((a, b) => a - b);
  arrivals.forEach((a, k) => {
    assert.ok(
      a - before >= k * 10 - 2,
      `request ${k} arrived at ${Math.round(a - before)} ms, due at ${k * 10} ms`,
    );
  });
  // Measured from each request's own due time, not the run's start (which would give ~1000 ms);
  // the bound leaves room for a loaded machine.
  assert.ok(result.latencyMs.p99 < 250, `p99 ${result.latencyMs.p99} ms against an instant server`);
  assert.equal(result.non2xx, 0);
});

test('counts the time a request waits for a free connection (no coordinated omission)', async () => {
  // Each answer takes 50 ms and there is one connection: at 40 req/s requests pile up, and the
  // measured latency must grow with the queue instead of staying at the 50 ms service time.
  const { s, port } = await server((req, res) => setTimeout(() => res.end('ok'), 50));
  const result = await runOpenLoop({
    port,
    request: { path: '/' },
    duration: 1,
    connections: 1,
    rate: 40,
  });
  s.close();
  assert.equal(result.requests, 40);
  assert.ok(result.latencyMs.p99 > 500, `p99 ${result.latencyMs.p99} ms should include queueing`);
  assert.ok(result.latencyMs.p50 > 100);
});

test('reports failures and non-2xx answers', async () => {
  const { s, port } = await server((req, res) => {
    res.statusCode = req.url === '/bad' ? 500 : 200;
    res.end();
  });
  const result = await runOpenLoop({
    port,
    request: { path: '/bad' },
    duration: 1,
    connections: 2,
    rate: 20,
  });
  s.close();
  assert.equal(result.non2xx, 20);
  assert.equal(result.statusCounts[500], 20);
  await assert.rejects(async () =>
    runOpenLoop({ port, request: { path: '/' }, duration: 1, connections: 1, rate: 0 }),
  );
});
