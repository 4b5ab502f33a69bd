/**
 * Errors that mean "the database is unavailable or not answering in time", not "this request is
 * wrong": answered 503 with Retry-After (docs/core.md, Errors), never 500.
 */

/** Seconds a client is asked to wait before retrying after a 503 from a dependency. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** SQLSTATE codes of a cancelled statement, a server going away or refusing connections. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres' and pg-pool's own messages for time-outs and dead connections. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect', // pool: connectionTimeoutMillis
  'Query read timeout', // client: query_timeout
  'Connection terminated', // "... unexpectedly", "... due to connection timeout"
  'Client has encountered a connection error and is not queryable',
  'Connection is not established', // TypeORM, pool not connected
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
}

/** True for errors of node-postgres, pg-pool or TypeORM that mean the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as ErrorLike | undefined, depth = 0; e && depth < 3; depth++) {
    if (typeof e !== 'object') return false;
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
    // TypeORM's QueryFailedError keeps the driver's error.
    e = e.driverError as ErrorLike | undefined;
  }
  return false;
}

/** Process-wide count of requests answered 503 because the database was unavailable. */
export const databaseFaults = { unavailable: 0 };
