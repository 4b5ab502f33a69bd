// GET /api/v1/users/me with a Bearer access token: the hot authenticated read (JWT verification,
// session check, the account's own profile). Issue target: >= 15% of bare Fastify.
import { signedInGet } from '../lib/users.mjs';

export const name = 'users-me';
export const description = 'GET /api/v1/users/me with a Bearer token (hot authenticated read)';
export const target = { ratio: 0.15 };
export const requires = ['users'];

export function setup(ctx) {
  return signedInGet(ctx, '/api/v1/users/me');
}
