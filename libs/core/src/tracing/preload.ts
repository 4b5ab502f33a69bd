import { tracingSettings } from '../config/load-config';

/**
 * Starts OpenTelemetry when `OTEL_EXPORTER_OTLP_ENDPOINT` is set. Each app's entry imports this
 * first (apps/<app>/src/tracing.ts), so instrumentation patches http, fastify, pg and ioredis
 * before anything requires them; an early import keeps every start command (npm, Docker, k8s,
 * Render, tests) unchanged, where `node --require` would have to be added to each. Off, the SDK
 * is never required.
 */
export function startTracing(defaultServiceName: string): void {
  const settings = tracingSettings();
  if (!settings) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./sdk') as typeof import('./sdk');
  startSdk({
    endpoint: settings.otelEndpoint!,
    protocol: settings.otelProtocol,
    serviceName: settings.otelServiceName ?? defaultServiceName,
  });
}
