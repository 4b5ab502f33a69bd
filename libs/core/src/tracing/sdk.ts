import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { IncomingMessage } from 'node:http';
import { TraceHooks, Tracing } from './tracing';

/** Probes and scrapes: frequent, uninteresting, and they would drown the requests' traces. */
const UNTRACED = /^\/(metrics|health\/(live|ready))(\?|$)/;

/**
 * The OpenTelemetry SDK of one process, required only when tracing is on (preload.ts). Spans go
 * to `<endpoint>/v1/traces` in batches (the SDK's BatchSpanProcessor): the request path only
 * records them.
 */
export function startSdk(options: {
  endpoint: string;
  protocol: 'http/protobuf' | 'http/json';
  serviceName: string;
}): void {
  const url = `${options.endpoint.replace(/\/$/, '')}/v1/traces`;
  const exporter =
    options.protocol === 'http/json' ? new JsonExporter({ url }) : new ProtobufExporter({ url });
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    traceExporter: exporter,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED.test(req.url ?? ''),
      }),
      // Registers itself on every Fastify instance (Fastify's initialization diagnostics channel).
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      // Only inside a trace: background pollers (outbox relay, BullMQ's blocking reads, the
      // limits' sync) would otherwise start a trace of their own several times a second.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({
        requireParentSpan: true,
        // The command name only: keys and arguments carry emails, addresses and job payloads.
        dbStatementSerializer: (command: string, args: unknown[]) =>
          `${command} [${args.length} arguments]`,
      }),
    ],
  });
  sdk.start();
  // The last batch is exported from a Nest shutdown hook (LoggingModule): Nest re-raises the
  // signal once its hooks have run, so a process 'exit' listener would come too late.
  let stopped: Promise<void> | undefined;
  const shutdown = () => (stopped ??= sdk.shutdown().catch(() => undefined));
  Tracing.install({ ...traceHooks, shutdown });
}

const tracer = () => trace.getTracer('nexus-queues');

/** Queue spans as the messaging semantic conventions name them (`publish`/`process <queue>`). */
export const traceHooks: Omit<TraceHooks, 'shutdown'> = {
  logFields() {
    const span = trace.getSpan(context.active());
    if (!span) return undefined;
    const { traceId, spanId } = span.spanContext();
    return { traceId, spanId };
  },

  produce<T>(
    queue: string,
    job: string,
    enqueue: (carrier: Record<string, string> | undefined) => Promise<T>,
  ): Promise<T> {
    return tracer().startActiveSpan(
      `publish ${queue}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'nexus-queue',
          'messaging.operation.type': 'send',
          'messaging.destination.name': queue,
          'nexus.job.name': job,
        },
      },
      (span) => {
        const carrier: Record<string, string> = {};
        propagation.inject(context.active(), carrier);
        return settle(span, () => enqueue(carrier));
      },
    );
  },

  consume<T>(
    queue: string,
    job: { id?: string; name: string; attemptsMade: number },
    carrier: Record<string, string> | undefined,
    run: () => Promise<T>,
  ): Promise<T> {
    // A job without a carrier (enqueued by a timer or a relay) starts a trace of its own rather
    // than joining whatever context the runner happens to be in.
    const parent = carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
    return tracer().startActiveSpan(
      `process ${queue}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'nexus-queue',
          'messaging.operation.type': 'process',
          'messaging.destination.name': queue,
          'messaging.message.id': job.id ?? '',
          'nexus.job.name': job.name,
          'nexus.job.attempt': job.attemptsMade + 1,
        },
      },
      parent,
      (span) => settle(span, run),
    );
  },
};

async function settle<T>(span: Span, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    span.recordException(e as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
    throw e;
  } finally {
    span.end();
  }
}
