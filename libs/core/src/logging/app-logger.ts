import { Inject, Injectable, LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger as Pino } from 'pino';
import pinoPretty from 'pino-pretty';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { Tracing } from '../tracing/tracing';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Paths whose values never reach a log line. */
const REDACT = [
  'password',
  'token',
  'refreshToken',
  'accessToken',
  'authorization',
  'cookie',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.authorization',
  '*.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * Nest's start-up chatter (a line per module, controller and route): debug level, so that what a
 * newcomer sees at `npm start` is the banner with the URLs.
 */
const NEST_BOOTSTRAP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

export type LogFormat = 'json' | 'pretty';

/** JSON for machines (production, pipes, files, containers); readable lines in a terminal. */
export function logFormat(
  config: Pick<AppConfig, 'nodeEnv'>,
  stdout: { isTTY?: boolean } = process.stdout,
): LogFormat {
  return stdout.isTTY && config.nodeEnv !== 'production' ? 'pretty' : 'json';
}

/**
 * The process's one pino logger. The request (or job) id is added at write time from
 * RequestContext, so no child logger is built per request: child loggers per request were a large
 * share of a trivial route's CPU (docs/benchmarks.md).
 */
export function createRootLogger(
  config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>,
  format: LogFormat = logFormat(config),
  /** Tests pass a stream; the process writes to stdout. */
  stream?: DestinationStream,
): Pino {
  // Synchronous writes: Nest re-raises SIGTERM after its shutdown hooks, and pino's default
  // asynchronous stdout would lose the last lines (shutdown, fatal errors). Nothing logs per
  // request unless LOG_REQUESTS is on, so the cost is small. pino-pretty runs as a stream in this
  // thread (not a transport worker) for the same reason.
  const destination: DestinationStream =
    stream ??
    (format === 'pretty'
      ? pinoPretty({
          sync: true,
          colorize: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,context',
          messageFormat: '{if context}[{context}] {end}{msg}',
        })
      : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      mixin: () => {
        const requestId = RequestContext.requestId();
        // One call that returns undefined while tracing is off (no OpenTelemetry code loaded).
        const span = Tracing.logFields();
        if (span) {
          return requestId
            ? { reqId: requestId, traceId: span.traceId, spanId: span.spanId }
            : { traceId: span.traceId, spanId: span.spanId };
        }
        return requestId ? { reqId: requestId } : {};
      },
    },
    destination,
  );
}

/** Nest's LoggerService over the root pino logger: `new Logger('Context').log(...)` lands here. */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(requested: pino.Level, message: unknown, params: unknown[]): void {
    // Nest passes the context name last; `error(message, stack, context)` passes a stack before it.
    const last = params.length ? params[params.length - 1] : undefined;
    const level =
      requested === 'info' && typeof last === 'string' && NEST_BOOTSTRAP_CONTEXTS.has(last)
        ? 'debug'
        : requested;
    if (!this.pino.isLevelEnabled(level)) return;
    const context = typeof last === 'string' ? (params.pop() as string) : undefined;
    const stack =
      level === 'error' && typeof params[0] === 'string' ? (params.shift() as string) : undefined;
    const bindings: Record<string, unknown> = context ? { context } : {};
    if (stack) bindings.stack = stack;
    if (message instanceof Error) {
      this.pino[level]({ ...bindings, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const msg = typeof params[0] === 'string' ? params[0] : undefined;
      this.pino[level]({ ...bindings, ...(message as object) }, msg);
    } else {
      this.pino[level](bindings, String(message));
    }
  }
}
