// POST /api/v1/auth/login with a correct password, over and over: dominated by one argon2id
// verification per request (production cost, NODE_ENV=production: m=19 MiB, t=2, p=1; argon2
// runs on libuv's thread pool, so 2 cores bound it). Throughput and p99 are reported, no target:
// a slow hash is the point. A successful login resets the failure counters, so the lockout
// never triggers here.
import { verifiedUser } from '../lib/users.mjs';

export const name = 'login';
export const description = 'POST /api/v1/auth/login (argon2id verification per request)';
export const target = null;
export const requires = ['users'];

export async function setup(ctx) {
  const user = await verifiedUser(ctx);
  return {
    method: 'POST',
    path: '/api/v1/auth/login',
    body: { email: user.email, password: user.password },
    note: 'argon2id m=19456 KiB, t=2, p=1',
  };
}
