import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { Writable } from 'node:stream';
import { RequestContext } from '../context/request-context';
import { createRootLogger } from '../logging/app-logger';
import { traceHooks } from './sdk';
import { Tracing } from './tracing';

/**
 * Core's tracing hooks against the real OpenTelemetry SDK (a tracer provider with the
 * AsyncLocalStorage context manager and W3C propagation, spans kept in memory). The
 * instrumentations of http, pg and ioredis are not involved: test/infra/traces.infra-spec.ts
 * covers them in the built processes.
 */
describe('Tracing', () => {
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  const tracer = trace.getTracer('test');

  function logLines() {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const logger = createRootLogger({ logLevel: 'info', nodeEnv: 'test' }, 'json', sink);
    const lines = () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { logger, lines };
  }

  it('is a no-op while off: no ids in log lines, no carrier for jobs, jobs run as given', async () => {
    expect(Tracing.enabled).toBe(false);
    const { logger, lines } = logLines();
    RequestContext.run({ requestId: 'r-1' }, () => logger.info('off'));
    expect(lines()[0]).toMatchObject({ reqId: 'r-1', msg: 'off' });
    expect(lines()[0]).not.toHaveProperty('traceId');
    await expect(Tracing.produce('q', 'j', async (carrier) => carrier)).resolves.toBeUndefined();
    await expect(
      Tracing.consume('q', { name: 'j', attemptsMade: 0 }, undefined, async () => 7),
    ).resolves.toBe(7);
  });

  describe('on', () => {
    beforeAll(() => {
      provider.register();
      Tracing.install({ ...traceHooks, shutdown: () => provider.shutdown() });
    });
    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    });
    beforeEach(() => exporter.reset());

    it('puts the active span ids in every log line, and none outside a span', () => {
      const { logger, lines } = logLines();
      let ids: { traceId: string; spanId: string } | undefined;
      tracer.startActiveSpan('request', (span) => {
        ids = span.spanContext();
        RequestContext.run({ requestId: 'r-2' }, () => logger.info('inside'));
        span.end();
      });
      logger.info('outside');
      const [inside, outside] = lines();
      expect(inside).toMatchObject({ reqId: 'r-2', traceId: ids!.traceId, spanId: ids!.spanId });
      expect(outside).not.toHaveProperty('traceId');
      expect(outside).not.toHaveProperty('spanId');
    });

    it('carries the trace into a job run in another context, as a child of the publish span', async () => {
      let carrier: Record<string, string> | undefined;
      let requestTrace = '';
      await tracer.startActiveSpan('request', async (span) => {
        requestTrace = span.spanContext().traceId;
        await Tracing.produce('email', 'send', async (c) => {
          carrier = JSON.parse(JSON.stringify(c)) as Record<string, string>; // as stored in a job
        });
        span.end();
      });
      expect(carrier?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

      // The worker side: nothing of the request's context is active any more.
      let jobTrace = '';
      await context.with(ROOT_CONTEXT, () =>
        Tracing.consume('email', { id: '9', name: 'send', attemptsMade: 1 }, carrier, async () => {
          jobTrace = trace.getActiveSpan()!.spanContext().traceId;
        }),
      );
      expect(jobTrace).toBe(requestTrace);

      const spans = exporter.getFinishedSpans();
      const publish = spans.find((s) => s.name === 'publish email')!;
      const process = spans.find((s) => s.name === 'process email')!;
      expect(process.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
      expect(process.attributes).toMatchObject({
        'messaging.destination.name': 'email',
        'messaging.message.id': '9',
        'nexus.job.attempt': 2,
      });
    });

    it('starts a trace of its own for a job without a carrier, and records a failure', async () => {
      const outer = tracer.startSpan('unrelated');
      await expect(
        context.with(trace.setSpan(context.active(), outer), () =>
          Tracing.consume('email', { name: 'send', attemptsMade: 0 }, undefined, async () => {
            throw new Error('smtp down');
          }),
        ),
      ).rejects.toThrow('smtp down');
      outer.end();
      const job = exporter.getFinishedSpans().find((s) => s.name === 'process email')!;
      expect(job.spanContext().traceId).not.toBe(outer.spanContext().traceId);
      expect(job.parentSpanContext).toBeUndefined();
      expect(job.status).toMatchObject({ code: 2, message: 'smtp down' });
      expect(job.events.map((e) => e.name)).toEqual(['exception']);
    });
  });
});
