import { MailService, MailTemplates, Tracing } from '@nexus/core';
import { context, propagation, trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { traceHooks } from '../../libs/core/src/tracing/sdk';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A job enqueued inside a trace is run in a span of that trace, through the app's real queue
 * layer: the in-process runner (embedded) and BullMQ with a worker (full). Tracing is switched on
 * in this test process the way the preload does it, with an in-memory span exporter.
 */
describe.each(testModes())('jobs continue the trace that enqueued them (%s mode)', (mode) => {
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  let t: TestApp;

  beforeAll(async () => {
    provider.register();
    Tracing.install({ ...traceHooks, shutdown: () => provider.shutdown() });
    t = await startTestApp(mode, { env: { RUN_WORKERS: 'true' } });
    t.app.get(MailTemplates).register('traced', {
      subject: 'Traced',
      html: '<p>traced</p>',
      text: 'traced',
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('runs the email job in a "process email" span, child of the "publish email" span', async () => {
    const tracer = trace.getTracer('test');
    const traceId = await tracer.startActiveSpan('request', async (span) => {
      await t.app
        .get(MailService)
        .send({ to: `traced-${mode}@example.com`, template: 'traced', context: {} });
      span.end();
      return span.spanContext().traceId;
    });
    const job = await waitUntil(
      () =>
        exporter
          .getFinishedSpans()
          .find((s) => s.name === 'process email' && s.spanContext().traceId === traceId),
      { timeoutMs: 20_000, what: 'the job span' },
    );
    const publish = exporter
      .getFinishedSpans()
      .find((s) => s.name === 'publish email' && s.spanContext().traceId === traceId);
    expect(publish).toBeDefined();
    expect(job.parentSpanContext?.spanId).toBe(publish!.spanContext().spanId);
  });
});
