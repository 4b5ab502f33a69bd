import type { RequestLogEntry } from '../../libs/security-analytics/src/request-log/request-log.types';

/** Noon UTC on a fixed day: specs place their entries relative to it. */
export const FIXTURE_T = Date.UTC(2026, 11, 1, 12);

/** A plain logged request (GET /api/v1/tags, 200, 1 ms) for specs, with what they change. */
export function logEntry(over: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    at: FIXTURE_T,
    ip: '192.0.2.1',
    method: 'GET',
    route: '/api/v1/tags',
    path: '/api/v1/tags',
    status: 200,
    latencyMs: 1,
    userId: null,
    userAgent: null,
    requestId: null,
    outcome: null,
    ...over,
  };
}
