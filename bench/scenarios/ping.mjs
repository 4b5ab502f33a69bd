// GET /api/v1/ping: a trivial controller under the API prefix; adds Nest routing, the global
// ValidationPipe and the problem+json filter's wiring to health-live's pipeline.
export const name = 'ping';
export const description = 'GET /api/v1/ping (trivial /api/v1 route)';
export const target = { ratio: 0.5 };

export async function setup() {
  return { method: 'GET', path: '/api/v1/ping' };
}
