// GET /api/v1/notifications/unread-count with a Bearer token: a cached authenticated read (JWT
// verification, session check, one cache lookup). Issue target: >= 20% of bare Fastify.
import { signedInGet } from '../lib/users.mjs';

export const name = 'notifications-unread-count';
export const description = 'GET /api/v1/notifications/unread-count with a Bearer token (cached)';
export const target = { ratio: 0.2 };
export const requires = ['users'];

export function setup(ctx) {
  return signedInGet(ctx, '/api/v1/notifications/unread-count');
}
