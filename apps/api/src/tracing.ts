// Imported first by main.ts: OpenTelemetry must patch modules before anything requires them.
// eslint-disable-next-line no-restricted-imports -- the one entry point loaded before the index
import { startTracing } from '@nexus/core/tracing/preload';

startTracing('nexus-api');
