import type { FastifyRequest } from 'fastify';

/** What an edge refusal was, when a request was answered by the blacklist or a limiter. */
export type RequestOutcome = 'blocked' | 'limited';

/** One finished request, as buffered before it is written to `request_log`. */
export interface RequestLogEntry {
  /** When the request arrived (ms since the epoch). */
  at: number;
  ip: string;
  method: string;
  /** Route template (`/api/v1/articles/:slug`), or `null` when no route matched. */
  route: string | null;
  /** Path and query, sensitive query values redacted. */
  path: string;
  status: number;
  latencyMs: number;
  userId: string | null;
  userAgent: string | null;
  requestId: string | null;
  outcome: RequestOutcome | null;
}

const OUTCOME = Symbol.for('nexus.security.requestOutcome');

/**
 * Marks a request answered by a security edge step (the blacklist's 403, a limiter's 429), so
 * the request log and the analytics count it as blocked or limited. A 429 without a mark counts
 * as limited.
 */
export function markRequestOutcome(request: FastifyRequest, outcome: RequestOutcome): void {
  (request as unknown as Record<symbol, RequestOutcome>)[OUTCOME] = outcome;
}

export function requestOutcome(request: FastifyRequest, status: number): RequestOutcome | null {
  return (
    (request as unknown as Record<symbol, RequestOutcome | undefined>)[OUTCOME] ??
    (status === 429 ? 'limited' : null)
  );
}
