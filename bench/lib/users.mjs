import { randomBytes } from 'node:crypto';

/**
 * A registered, email-verified account, made once per run through the public API (register →
 * verification email from DATA_DIR/outbox → verify-email) and shared by the users scenarios.
 */
export async function verifiedUser(ctx) {
  if (ctx.state.user) return ctx.state.user;
  const id = randomBytes(4).toString('hex');
  const user = {
    email: `bench-${id}@example.com`,
    username: `bench_${id}`,
    password: `Bench-${randomBytes(9).toString('base64url')}`,
    displayName: 'Bench User',
  };
  await ctx.api.expect('POST', '/api/v1/auth/register', { body: user });
  const mail = await ctx.waitForEmail(user.email);
  const token = ctx.tokenFromEmail(mail.text);
  await ctx.api.expect('POST', '/api/v1/auth/verify-email', { body: { token } });
  ctx.state.user = user;
  return user;
}

/** Logs in once; returns { accessToken, refreshToken, ... } or throws with the server's answer. */
export async function login(ctx, user) {
  const res = await ctx.api.expect('POST', '/api/v1/auth/login', {
    body: { email: user.email, password: user.password },
  });
  if (!res.json?.accessToken || !res.json?.refreshToken) {
    throw new Error(`login answered ${res.status} without tokens: ${res.text.slice(0, 200)}`);
  }
  return res.json;
}

/** `count` logins, a few at a time (each is an argon2 verification). */
export async function loginMany(ctx, user, count, concurrency = 4) {
  const sessions = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      sessions[i] = await login(ctx, user);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return sessions;
}

/**
 * The request of a scenario that reads `path` as the shared verified user: signs in once and
 * sends the access token as a Bearer header.
 */
export async function signedInGet(ctx, path) {
  const { accessToken } = await login(ctx, await verifiedUser(ctx));
  return { method: 'GET', path, headers: { authorization: `Bearer ${accessToken}` } };
}
