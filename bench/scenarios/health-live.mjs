// GET /health/live: the liveness probe. Outside the /api/v1 prefix but through the same global
// pipeline (request id, client IP, logging middleware, metrics hook): the floor of what any
// Nexus request costs.
export const name = 'health-live';
export const description = 'GET /health/live (liveness probe, whole core pipeline, no I/O)';
export const target = { ratio: 0.5 };

export async function setup() {
  return { method: 'GET', path: '/health/live' };
}
