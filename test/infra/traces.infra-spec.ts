import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startBuiltApp, StartedProcess } from '../support/built-apps';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { fullModeAvailable } from '../support/modes';
import { deleteRedisPrefix } from '../support/redis-prefix';
import { waitUntil } from '../support/sync';
import { ROOT, builtEntry } from './infra-files';
import { ReceivedSpan, startOtlpReceiver } from './otlp-receiver';

/**
 * Traces end to end: the built api and worker (full mode, real PostgreSQL and Redis) export to an
 * in-process OTLP/HTTP receiver, and one trace holds the HTTP request, its SQL, the job it
 * enqueued and the worker's run of that job (with the worker's own SQL).
 */

// The built api and worker come from test/infra/global-setup.ts.
const describeFull = fullModeAvailable() ? describe : describe.skip;

// OTLP span kinds (opentelemetry-proto): SERVER 2, CLIENT 3, PRODUCER 4, CONSUMER 5.
const KIND = { server: 2, client: 3, producer: 4, consumer: 5 };
// The pg instrumentation follows the stable database conventions (`db.system.name`).
const isSql = (s: ReceivedSpan) =>
  (s.attributes['db.system.name'] ?? s.attributes['db.system']) === 'postgresql';

describeFull('tracing off (OTEL_EXPORTER_OTLP_ENDPOINT unset)', () => {
  /** The OpenTelemetry files a process has loaded once the app's entry has loaded its modules. */
  function loadedOpenTelemetry(env: Record<string, string>): string[] {
    const script =
      `require(${JSON.stringify(join(ROOT, builtEntry('api').replace(/main\.js$/, 'app.module.js')))});` +
      `process.stdout.write(JSON.stringify(Object.keys(require.cache)` +
      `.filter((f) => f.includes('@opentelemetry') || f.includes('@fastify/otel'))))`;
    const tracing = join(ROOT, builtEntry('api').replace(/main\.js$/, 'tracing.js'));
    const out = execFileSync(process.execPath, ['-r', tracing, '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return JSON.parse(out.toString()) as string[];
  }

  it('loads no OpenTelemetry SDK or instrumentation; set, it loads them', () => {
    // Only the API package (its no-op), which prom-client loads whether or not tracing exists.
    const off = loadedOpenTelemetry({});
    expect(off.filter((f) => !f.includes('/node_modules/@opentelemetry/api/'))).toEqual([]);
    const on = loadedOpenTelemetry({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    for (const name of ['sdk-node', 'instrumentation-pg', 'instrumentation-ioredis'])
      expect(on.some((f) => f.includes(`/@opentelemetry/${name}/`))).toBe(true);
  }, 60_000);
});

describeFull.each(['http/protobuf', 'http/json'])(
  'traces of the built api and worker (OTLP %s)',
  (protocol) => {
    const tag = `${protocol.replace(/\W/g, '')}_${process.pid}`;
    const prefix = `nexus-traces-${tag}`;
    let database: TestDatabase;
    let dir: string;
    let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
    let api: StartedProcess | undefined;
    let worker: StartedProcess | undefined;
    let port: number;

    const start = (
      app: 'api' | 'worker',
      env: Record<string, string>,
      ready: { url: string } | { output: string },
    ) =>
      startBuiltApp(app, {
        env: {
          NODE_ENV: 'production',
          DATABASE_URL: database.url,
          REDIS_URL: process.env.TEST_REDIS_URL!,
          REDIS_PREFIX: prefix,
          JWT_SECRET: 't'.repeat(48),
          DATA_DIR: join(dir, app),
          HOST: '127.0.0.1',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
          // Export each batch quickly (the SDK's default waits 5 s).
          OTEL_BSP_SCHEDULE_DELAY: '100',
          ...env,
        },
        ready,
      });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'nexus-traces-'));
      database = await createTestDatabase(`nexus_traces_${tag}`);
      receiver = await startOtlpReceiver();
      port = await freePort();
      api = await start(
        'api',
        {
          PORT: String(port),
          DB_MIGRATE: 'true',
          RUN_WORKERS: 'false',
          LOG_LEVEL: 'info',
          LOG_REQUESTS: 'true',
        },
        { url: `http://127.0.0.1:${port}/health/ready` },
      );
      worker = await start(
        'worker',
        { DB_MIGRATE: 'false', RUN_WORKERS: 'true', LOG_LEVEL: 'info' },
        { output: 'Nexus worker started' },
      );
    }, 200_000);

    afterAll(async () => {
      await Promise.all([api?.stop(), worker?.stop()]);
      await receiver?.close();
      await database?.drop();
      await deleteRedisPrefix(process.env.TEST_REDIS_URL!, prefix);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('one trace spans the request, its SQL, the job it enqueued and the worker that ran it', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `trace-${tag}@example.com`,
          username: `trace_${process.pid}`.slice(0, 20),
          password: 'a trace of violet ink 7',
          displayName: 'Trace Test',
        }),
      });
      expect({ status: response.status, body: await response.text() }).toMatchObject({
        status: 202,
      });

      const isRequest = (s: ReceivedSpan) =>
        s.service === 'nexus-api' &&
        s.kind === KIND.server &&
        [s.attributes['http.target'], s.attributes['url.path']].includes('/api/v1/auth/register');
      const request = await waitUntil(() => receiver.spans.find(isRequest), {
        timeoutMs: 20_000,
        what: `the request's span (${receiver.spans.length} spans received)`,
      });
      const inTrace = (s: ReceivedSpan) => s.traceId === request.traceId;
      const job = await waitUntil(
        () =>
          receiver.spans.find(
            (s) => inTrace(s) && s.service === 'nexus-worker' && s.name === 'process email',
          ),
        { timeoutMs: 30_000, what: `the worker's span of the job\n${worker!.output()}` },
      );
      // The worker's SQL (claiming the delivery row) is exported with or after its job span.
      await waitUntil(
        () => receiver.spans.some((s) => inTrace(s) && s.service === 'nexus-worker' && isSql(s)),
        { timeoutMs: 20_000, what: "the worker's SQL in the trace" },
      );

      // The api exports its spans in batches of its own, so its producer span (and any span
      // between it and the request) can arrive after the worker's: wait until the chain is whole.
      const reachesRequest = (span: ReceivedSpan, byId: Map<string, ReceivedSpan>) => {
        let at: ReceivedSpan | undefined = span;
        for (let hops = 0; at && at !== request && hops < 50; hops++)
          at = byId.get(at.parentSpanId);
        return at === request;
      };
      await waitUntil(
        () => {
          const spans = receiver.spans.filter(inTrace);
          const ids = new Map(spans.map((s) => [s.spanId, s]));
          return ids.has(job.parentSpanId) && spans.every((s) => reachesRequest(s, ids));
        },
        { timeoutMs: 20_000, what: "the api's spans between the request and the job" },
      ).catch(() => undefined); // the assertions below name what is missing

      const trace = receiver.spans.filter(inTrace);
      const byId = new Map(trace.map((s) => [s.spanId, s]));
      // The request's own SQL, inside the request.
      const apiSql = trace.filter((s) => s.service === 'nexus-api' && isSql(s));
      expect(apiSql.length).toBeGreaterThan(0);
      expect(apiSql.every((s) => s.kind === KIND.client)).toBe(true);
      // The enqueue is a producer span of the api, and the worker's span is its child.
      const publish = byId.get(job.parentSpanId);
      expect(publish).toMatchObject({
        service: 'nexus-api',
        name: 'publish email',
        kind: KIND.producer,
      });
      expect(job.kind).toBe(KIND.consumer);
      // Every span of the trace leads back to the request's span.
      for (const span of trace) {
        expect({ span: span.name, reaches: reachesRequest(span, byId) }).toEqual({
          span: span.name,
          reaches: true,
        });
      }
      // Exactly one trace for this request: nothing of it started a trace of its own.
      expect(receiver.spans.filter((s) => isRequest(s)).length).toBe(1);
      expect(
        receiver.requests.every((r) =>
          r.contentType.includes(protocol === 'http/json' ? 'json' : 'protobuf'),
        ),
      ).toBe(true);

      // No span repeats what the request carried (Redis keys and job payloads hold the email).
      expect(
        receiver.spans.filter((s) => JSON.stringify(s).includes(`trace-${tag}@example.com`)),
      ).toEqual([]);

      // The access log line of the request carries the trace id and its span id. The api's output
      // arrives through a pipe on its own schedule (the last line may be partial): waited for.
      const line = await waitUntil(
        () =>
          api!
            .output()
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .flatMap((l) => {
              try {
                return [JSON.parse(l) as Record<string, unknown>];
              } catch {
                return []; // not complete yet
              }
            })
            .find((l) => l.msg === 'request' && l.route === '/api/v1/auth/register'),
        { what: "the request's access log line" },
      );
      expect(line).toMatchObject({ traceId: request.traceId });
      expect(typeof line!.spanId).toBe('string');
    }, 90_000);

    it('traces no probe or scrape', async () => {
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      // A request after the probe: once its span has arrived, the probe's would have too.
      await fetch(`http://127.0.0.1:${port}/api/v1/articles?limit=1`);
      await waitUntil(
        () =>
          receiver.spans.some(
            (s) =>
              s.attributes['http.target'] === '/api/v1/articles?limit=1' ||
              s.attributes['url.path'] === '/api/v1/articles',
          ),
        { timeoutMs: 20_000, what: 'the listing request span' },
      );
      expect(
        receiver.spans.filter((s) =>
          /^\/(health|metrics)/.test(
            String(s.attributes['http.target'] ?? s.attributes['url.path'] ?? ''),
          ),
        ),
      ).toEqual([]);
    }, 60_000);
  },
);
