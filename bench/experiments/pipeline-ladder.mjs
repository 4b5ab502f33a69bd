#!/usr/bin/env node
// What each layer of the Nexus core pipeline costs, measured by adding them one at a time to a
// plain NestJS-on-Fastify app serving GET /api/v1/ping, each variant in its own process, each
// measured right after the bare Fastify hello-world (same machine, same run), like bench/run.mjs.
// The rungs mirror libs/core as it was before commit a597e0a (nestjs-pino/pino-http, RequestContext
// as a Nest middleware) and the alternative it adopted, without importing the core except for the
// ClientIpResolver, the ValidationPipe factory and the problem+json filter (from dist/):
//
//   node bench/experiments/pipeline-ladder.mjs [--duration 10] [--connections 50] [--only a,b] [--dist dir]
//
// Needs dist/ (npm run build) for the ClientIpResolver and the `nexus` rung.
import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from '../lib/load.mjs';
import { HOST, freePort, startNode, waitForHttp } from '../lib/processes.mjs';

const require = createRequire(import.meta.url);
const HERE = fileURLToPath(import.meta.url);
const ROOT = dirname(dirname(dirname(HERE)));
/** The build the Nest rungs borrow core pieces from, and the `nexus` rung runs (`--dist`). */
const DIST = resolve(ROOT, process.env.LADDER_DIST ?? 'dist');

/** The rungs: what each variant is, and the layers it has. */
const VARIANTS = {
  fastify: { what: 'bare Fastify hello-world (the baseline)', layers: [] },
  nest: { what: 'NestJS + FastifyAdapter, /api/v1/ping, Nest logger off', layers: [] },
  'nest+pino-http': {
    what: '+ nestjs-pino LoggerModule with the core options (pino-http: two child loggers per request)',
    layers: ['pinoHttp'],
  },
  'nest+pino-http+als': {
    what: '+ RequestContext AsyncLocalStorage as a Nest middleware (through @fastify/middie)',
    layers: ['pinoHttp', 'alsMiddleware'],
  },
  'nest+pino-http+als+hooks': {
    what: '+ uuid request id, client-IP onRequest hook, x-request-id header, prom-client histogram',
    layers: ['pinoHttp', 'alsMiddleware', 'hooks'],
  },
  'nest+pino-http+als+hooks+pipes': {
    what: '+ global ValidationPipe and problem+json filter (= the core pipeline before commit a597e0a)',
    layers: ['pinoHttp', 'alsMiddleware', 'hooks', 'pipes'],
  },
  nexus: { what: 'the real app from dist/ (embedded mode), for reference', layers: [] },
  'alt:core-without-pino-http': {
    what: 'the core pipeline minus pino-http (no request logger at all)',
    layers: ['alsMiddleware', 'hooks', 'pipes'],
  },
  'alt:suggested': {
    what:
      'suggested core (what the core does since a597e0a): RequestContext entered in a Fastify onRequest ' +
      'hook (no middie), one root pino logger whose mixin() adds the request id (no pino-http), hooks, pipes',
    layers: ['alsHook', 'mixinLogger', 'hooks', 'pipes'],
  },
};

// ---------------------------------------------------------------- server side (child process)

async function serve(variant, port) {
  if (variant === 'fastify') {
    const Fastify = require('fastify');
    const app = Fastify({ logger: false });
    app.get('/api/v1/ping', async () => ({ message: 'pong' }));
    await app.listen({ port, host: HOST });
    return;
  }
  if (variant === 'nexus') {
    process.env.PORT = String(port);
    process.env.HOST = HOST;
    require(join(DIST, 'apps/api/apps/api/src/main.js'));
    return;
  }
  const { Controller, Get, Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  const { Histogram, Registry } = require('prom-client');
  const { ClientIpResolver } = require(
    join(DIST, 'apps/api/libs/core/src/http/client-ip.resolver.js'),
  );
  const pino = require('pino');

  const layers = new Set(VARIANTS[variant].layers);
  const hooks = layers.has('hooks');
  const pinoHttp = layers.has('pinoHttp');
  const alsMiddleware = layers.has('alsMiddleware');
  const alsHook = layers.has('alsHook');

  class PingController {
    ping() {
      return { message: 'pong' };
    }
  }
  Get()(
    PingController.prototype,
    'ping',
    Object.getOwnPropertyDescriptor(PingController.prototype, 'ping'),
  );
  Controller('ping')(PingController);

  const storage = new AsyncLocalStorage();
  const imports = [];
  if (pinoHttp) {
    // The options of libs/core/src/logging/logging.module.ts.
    const { LoggerModule } = require('nestjs-pino');
    imports.push(
      LoggerModule.forRoot({
        pinoHttp: {
          level: 'warn',
          autoLogging: false,
          quietReqLogger: true,
          genReqId: (req) => req.id ?? 'unknown',
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.body.password',
              'req.body.refreshToken',
              '*.password',
              '*.token',
              '*.refreshToken',
              '*.accessToken',
            ],
            censor: '[redacted]',
          },
          serializers: {
            req: (req) => ({ id: req.id, method: req.method, url: req.url }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        },
        forRoutes: ['*path'],
      }),
    );
  }
  class AppModule {
    configure(consumer) {
      if (alsMiddleware) {
        consumer
          .apply((req, _res, next) => storage.run({ requestId: req.id ?? 'unknown' }, next))
          .forRoutes('*path');
      }
    }
  }
  Module({ imports, controllers: [PingController] })(AppModule);

  const adapterOptions = hooks
    ? {
        requestIdHeader: false,
        genReqId: (req) => {
          const incoming = req.headers['x-request-id'];
          const id =
            typeof incoming === 'string' && /^[\w.:-]{1,128}$/.test(incoming)
              ? incoming
              : randomUUID();
          req.id = id;
          return id;
        },
      }
    : {};
  const app = await NestFactory.create(AppModule, new FastifyAdapter(adapterOptions), {
    logger: false,
    bufferLogs: pinoHttp,
  });
  if (pinoHttp) {
    const { Logger } = require('nestjs-pino');
    app.useLogger(app.get(Logger));
  }
  const fastify = app.getHttpAdapter().getInstance();
  if (layers.has('mixinLogger')) {
    // One root logger for the process; the request id comes from the ALS store at log time.
    const logger = pino({ level: 'warn', mixin: () => ({ reqId: storage.getStore()?.requestId }) });
    fastify.decorate('appLogger', logger);
  }
  if (alsHook) {
    fastify.addHook('onRequest', (request, _reply, done) =>
      storage.run({ requestId: request.id }, done),
    );
  }
  if (hooks) {
    const resolver = new ClientIpResolver([]);
    const registry = new Registry();
    const histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'x',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    fastify.decorateRequest('clientIp', '');
    fastify.addHook('onRequest', (request, reply, done) => {
      request.clientIp = resolver.resolve(
        request.socket.remoteAddress,
        request.headers['x-forwarded-for'],
      );
      reply.header('x-request-id', request.id);
      done();
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      histogram.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
  if (layers.has('pipes')) {
    const core = join(DIST, 'apps/api/libs/core/src/errors');
    const { ProblemDetailsFilter } = require(join(core, 'problem-details.filter.js'));
    const { createValidationPipe } = require(join(core, 'validation.js'));
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
  }
  app.setGlobalPrefix('api/v1');
  await app.listen({ port, host: HOST });
}

// ---------------------------------------------------------------- driver (parent process)

async function drive(argv) {
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const duration = Number(opt('--duration', 10));
  const connections = Number(opt('--connections', 50));
  const warmup = Number(opt('--warmup', 3));
  const only = opt('--only')?.split(',');
  const dist = opt('--dist', 'dist');
  const names = Object.keys(VARIANTS).filter((v) => v !== 'fastify' && (!only || only.includes(v)));
  const workDir = mkdtempSync(join(tmpdir(), 'nexus-ladder-'));
  const basePort = await freePort();
  const baseline = startNode({
    name: 'fastify',
    script: HERE,
    args: ['--serve', 'fastify', '--port', String(basePort)],
    env: { PATH: process.env.PATH, LADDER_DIST: dist },
    cwd: ROOT,
    logFile: join(workDir, 'fastify.log'),
  });
  const results = [];
  try {
    await waitForHttp(baseline, `http://${HOST}:${basePort}/api/v1/ping`, 30_000);
    const request = { path: '/api/v1/ping' };
    await runLoad({ port: basePort, request, duration: warmup || 1, connections });
    for (const name of names) {
      const port = await freePort();
      const proc = startNode({
        name,
        script: HERE,
        args: ['--serve', name, '--port', String(port)],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          DATA_DIR: join(workDir, 'data'),
          JWT_SECRET: 'ladder-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
          LADDER_DIST: dist,
        },
        cwd: ROOT,
        logFile: join(workDir, `${name.replace(/[^\w+-]/g, '_')}.log`),
      });
      try {
        await waitForHttp(proc, `http://${HOST}:${port}/api/v1/ping`, 120_000);
        const base = await runLoad({
          port: basePort,
          request,
          duration,
          connections,
          serverPid: baseline.child.pid,
        });
        if (warmup) await runLoad({ port, request, duration: warmup, connections });
        const r = await runLoad({
          port,
          request,
          duration,
          connections,
          serverPid: proc.child.pid,
        });
        const failed = r.non2xx + r.errors;
        if (failed) throw new Error(`${name}: ${failed} failed or non-2xx responses`);
        const row = {
          variant: name,
          rps: r.rps,
          p99: r.latencyMs.p99,
          baseline: base.rps,
          ratio: r.rps / base.rps,
          cpu: r.serverCpuUsPerReq,
          baseCpu: base.serverCpuUsPerReq,
        };
        results.push(row);
        process.stderr.write(
          `[ladder] ${name}: ${r.rps} req/s, baseline ${base.rps}, ${(row.ratio * 100).toFixed(1)}%, ` +
            `cpu ${row.cpu} µs/req (baseline ${row.baseCpu})\n`,
        );
      } finally {
        await proc.stop();
      }
    }
  } finally {
    await baseline.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  process.stdout.write(
    `# Pipeline ladder, ${new Date().toISOString()}\n\nNode ${process.version}, ${cpus().length} cores shared by ` +
      `the load generator and the servers, ${connections} connections, ${duration} s per run, build ${dist}, ` +
      `load average at the end ${loadavg()[0].toFixed(1)}. Read the CPU column; throughput moves with the machine's load.\n`,
  );
  process.stdout.write(
    `\n| variant | req/s | p99 ms | bare Fastify req/s | ratio | server CPU µs/req (bare Fastify) | what it is |\n` +
      `|---|---:|---:|---:|---:|---:|---|\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `| ${r.variant} | ${r.rps} | ${r.p99} | ${r.baseline} | ${(r.ratio * 100).toFixed(1)}% | ` +
        `${r.cpu} (${r.baseCpu}) | ${VARIANTS[r.variant].what} |\n`,
    );
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--serve') {
  const port = Number(argv[argv.indexOf('--port') + 1]);
  process.on('disconnect', () => process.exit(0));
  // A plain exit, so that `node --cpu-prof pipeline-ladder.mjs --serve <variant>` writes its profile.
  process.on('SIGINT', () => process.exit(0));
  serve(argv[1], port).catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  });
} else {
  drive(argv).catch((e) => {
    process.stderr.write(`ladder failed: ${e.stack ?? e}\n`);
    process.exit(1);
  });
}
