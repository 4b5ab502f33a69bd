/**
 * Core's view of tracing. Off (the default) it is a handful of no-op functions: the logger, the
 * queues and the workers call them without loading any OpenTelemetry code. `preload.ts` installs
 * the real hooks (sdk.ts) when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, before the app is loaded.
 */
export interface TraceHooks {
  /** Ids of the active span, for log lines; undefined outside a span. */
  logFields(): { traceId: string; spanId: string } | undefined;
  /** Runs `enqueue` in a producer span; `carrier` holds the W3C trace context for the job. */
  produce<T>(
    queue: string,
    job: string,
    enqueue: (carrier: Record<string, string> | undefined) => Promise<T>,
  ): Promise<T>;
  /** Runs a job in a consumer span continuing the trace its carrier names. */
  consume<T>(
    queue: string,
    job: { id?: string; name: string; attemptsMade: number },
    carrier: Record<string, string> | undefined,
    run: () => Promise<T>,
  ): Promise<T>;
  /** Exports what is still buffered and stops the SDK. */
  shutdown(): Promise<void>;
}

let hooks: TraceHooks | undefined;

export const Tracing = {
  /** Installed once, by the preload, before the app's modules run. */
  install(installed: TraceHooks): void {
    hooks = installed;
  },
  get enabled(): boolean {
    return hooks !== undefined;
  },
  logFields(): { traceId: string; spanId: string } | undefined {
    return hooks?.logFields();
  },
  produce<T>(
    queue: string,
    job: string,
    enqueue: (carrier: Record<string, string> | undefined) => Promise<T>,
  ): Promise<T> {
    return hooks ? hooks.produce(queue, job, enqueue) : enqueue(undefined);
  },
  consume<T>(
    queue: string,
    job: { id?: string; name: string; attemptsMade: number },
    carrier: Record<string, string> | undefined,
    run: () => Promise<T>,
  ): Promise<T> {
    return hooks ? hooks.consume(queue, job, carrier, run) : run();
  },
  async shutdown(): Promise<void> {
    await hooks?.shutdown();
  },
};
