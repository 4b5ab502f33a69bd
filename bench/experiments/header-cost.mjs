#!/usr/bin/env node
// What response headers cost per request: a bare Fastify hello-world that sets no extra header,
// the two sets of `securityHeaders()` (from dist/: the API's, helmet's for pages), and the API set
// plus the global limit's four `RateLimit-*` headers, each in its own process, measured in
// interleaved rounds (server CPU per request from /proc, like bench/run.mjs).
//
//   node bench/experiments/header-cost.mjs [--rounds 3] [--duration 5] [--connections 50]
//
// Needs dist/ (npm run build).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from '../lib/load.mjs';
import { freePort, startNode, waitForHttp } from '../lib/processes.mjs';

const HERE = fileURLToPath(import.meta.url);
const ROOT = dirname(dirname(dirname(HERE)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('rounds', 3);
const duration = arg('duration', 5);
const connections = arg('connections', 50);

const VARIANTS = {
  none: 'no extra header',
  document: "securityHeaders().document (helmet's policy, pages) + x-request-id",
  api: 'securityHeaders().api (JSON answers) + x-request-id',
  'api+ratelimit': 'the same + RateLimit-Limit/-Remaining/-Reset/-Policy',
};

if (process.argv[2] === '--serve') {
  const variant = process.argv[3];
  const { default: Fastify } = await import('fastify');
  const core = join(ROOT, 'dist/apps/api/libs/core/src/http/security-headers.js');
  // CommonJS whose exports Node's ESM loader cannot list: required, not imported.
  const { securityHeaders } = createRequire(import.meta.url)(core);
  const sets = securityHeaders({ hstsMaxAgeSeconds: 0 });
  const headers = variant === 'document' ? sets.document : sets.api;
  const app = Fastify({ logger: false });
  if (variant !== 'none') {
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(headers).header('x-request-id', request.id);
      if (variant === 'api+ratelimit') {
        reply.header('ratelimit-limit', 300);
        reply.header('ratelimit-remaining', 299);
        reply.header('ratelimit-reset', 60);
        reply.header('ratelimit-policy', '300;w=60');
      }
      done();
    });
  }
  app.get('/', async () => ({ hello: 'world' }));
  process.on('disconnect', () => process.exit(0));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
} else {
  if (!existsSync(join(ROOT, 'dist/apps/api'))) throw new Error('needs dist/: npm run build');
  const results = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const variant of Object.keys(VARIANTS)) {
      const port = await freePort();
      const server = startNode({
        name: variant,
        script: HERE,
        args: ['--serve', variant],
        env: { PATH: process.env.PATH, PORT: String(port) },
        cwd: ROOT,
        logFile: '/dev/null',
      });
      await waitForHttp(server, `http://127.0.0.1:${port}/`, 20_000);
      await runLoad({ port, request: { path: '/' }, duration: 1, connections });
      const r = await runLoad({
        port,
        request: { path: '/' },
        duration,
        connections,
        serverPid: server.child.pid,
      });
      results[variant].push(r.serverCpuUsPerReq);
      process.stderr.write(
        `round ${round} ${variant}: ${r.rps} req/s, ` +
          `${r.serverCpuUsPerReq} µs/req (load ${loadavg()[0].toFixed(1)})\n`,
      );
      await server.stop({ viaMessage: true });
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [variant, what] of Object.entries(VARIANTS)) {
    console.log(
      `${variant.padEnd(20)} ${String(median(results[variant])).padStart(4)} µs/req  ${what}`,
    );
  }
}
