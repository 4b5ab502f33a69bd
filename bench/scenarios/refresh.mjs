// POST /api/v1/auth/refresh: refresh tokens rotate and a reused one revokes its whole family, so
// every connection owns one session and chains the token each response returns into its next
// request. Each autocannon run starts from fresh logins: a run ends with requests in flight whose
// answers (the next tokens) are never read, which breaks those chains.
import { loginMany, verifiedUser } from '../lib/users.mjs';

export const name = 'refresh';
export const description = 'POST /api/v1/auth/refresh, one rotating token chain per connection';
export const target = null;
export const requires = ['users'];

export async function setup(ctx) {
  const user = await verifiedUser(ctx);
  let tokens = [];
  let nextSlot = 0;
  return {
    method: 'POST',
    path: '/api/v1/auth/refresh',
    probe: false, // a probe would spend a token of the chain
    async beforeRun() {
      tokens = (await loginMany(ctx, user, ctx.connections)).map((s) => s.refreshToken);
      nextSlot = 0;
    },
    setupClient(client) {
      let token = tokens[nextSlot++ % tokens.length];
      client.setRequests([
        {
          method: 'POST',
          path: '/api/v1/auth/refresh',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ refreshToken: token }) }),
          onResponse: (status, body) => {
            if (status === 200) token = JSON.parse(body).refreshToken;
          },
        },
      ]);
    },
  };
}
