import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { tokenFromEmail } from '../lib/http.mjs';
import { runLoad } from '../lib/load.mjs';

/** A server that rotates tokens like POST /auth/refresh: a reused token is a 401. */
async function rotatingServer() {
  const live = new Set();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { refreshToken } = JSON.parse(body || '{}');
      if (!live.delete(refreshToken)) {
        res.writeHead(401).end();
        return;
      }
      const next = randomBytes(8).toString('hex');
      live.add(next);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ refreshToken: next }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    port: server.address().port,
    issue: () => {
      const t = randomBytes(8).toString('hex');
      live.add(t);
      return t;
    },
  };
}

test('per-connection token chains (the refresh scenario) never reuse a token', async () => {
  const { server, port, issue } = await rotatingServer();
  try {
    const { setup } = await import('../scenarios/refresh.mjs');
    // The scenario's own request options, with logins replaced by tokens from this server.
    const ctx = { connections: 4, state: { user: {} }, api: {}, log() {} };
    const request = await setup({
      ...ctx,
      api: {
        expect: async () => ({
          status: 200,
          json: { accessToken: 'a', refreshToken: issue() },
          text: '',
        }),
      },
    });
    const { beforeRun, probe, ...req } = request;
    assert.equal(probe, false);
    await beforeRun();
    const r = await runLoad({ port, request: req, duration: 1, connections: 4 });
    assert.ok(r.requests > 50, `only ${r.requests} requests`);
    assert.equal(r.non2xx, 0);
    assert.equal(r.errors, 0);
  } finally {
    server.close();
  }
});

test('runLoad reports throughput, latency and the server CPU per request', async () => {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const r = await runLoad({
      port: server.address().port,
      request: { path: '/' },
      duration: 1,
      connections: 2,
      serverPid: process.pid,
    });
    assert.ok(r.rps > 0 && r.requests > 0);
    assert.equal(typeof r.latencyMs.p99, 'number');
    assert.equal(r.statusCounts['200'], r.requests);
    if (process.platform === 'linux') assert.ok(r.serverCpuUsPerReq > 0);
  } finally {
    server.close();
  }
});

test('runLoad refuses unbounded or off-host runs', () => {
  assert.throws(
    () => runLoad({ port: 1, request: { path: '/' }, duration: 0, connections: 1 }),
    /duration/,
  );
  assert.throws(
    () => runLoad({ port: 1, request: { path: '/' }, duration: 1, connections: 5000 }),
    /connections/,
  );
  assert.throws(
    () =>
      runLoad({ port: 1, request: { path: 'http://example.com/' }, duration: 1, connections: 1 }),
    /path/,
  );
});

test('tokenFromEmail: a token= parameter, else the longest token-like word', () => {
  assert.equal(
    tokenFromEmail('Open http://x/verify-email?token=abc.DEF-123_x&y=1 now'),
    'abc.DEF-123_x',
  );
  assert.equal(
    tokenFromEmail('Your code:\n  Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV4eA\nThanks'),
    'Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV4eA',
  );
  assert.throws(() => tokenFromEmail('nothing here'), /no token/);
});
