import { Inject, Injectable, LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';

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
 * The process's one pino logger. The request (or job) id is added at write time from
 * RequestContext, so no child logger is built per request: the benchmark measured two pino
 * children per request (pino-http) as a quarter of the server's CPU on a trivial route.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): Pino {
  // Synchronous writes: Nest re-raises SIGTERM after its shutdown hooks, and pino's default
  // asynchronous stdout would lose the last lines (shutdown, fatal errors). Nothing logs per
  // request unless LOG_REQUESTS is on, so the cost is small.
  const destination = pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACT, censor: '[redacted]' },
      mixin: () => {
        const requestId = RequestContext.requestId();
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

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    // Nest passes the context name last; `error(message, stack, context)` passes a stack before it.
    const context =
      params.length && typeof params[params.length - 1] === 'string'
        ? (params.pop() as string)
        : undefined;
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
