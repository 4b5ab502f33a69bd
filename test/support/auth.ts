import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

/** The bootstrapped administrator; spread into `startTestApp(mode, { env: { ...ADMIN_ENV } })`. */
export const ADMIN_ENV = {
  ADMIN_EMAIL: 'admin@nexus.test',
  ADMIN_PASSWORD: 'admin-Passphrase-for-tests-42',
} as const;

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface RegisteredUser extends Tokens {
  id: string;
  email: string;
  username: string;
  password: string;
  displayName: string;
}

let counter = 0;

/** A unique username/email pair for this test run. */
export function uniqueIdentity(prefix = 'u'): { email: string; username: string } {
  const tag =
    `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`.toLowerCase();
  return { email: `${tag}@example.test`, username: tag.slice(0, 30) };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Reads the token printed in an email's text (`... token: <value>`). */
export function tokenFromMail(text: string): string {
  const match = /token: ([A-Za-z0-9_-]{20,})/i.exec(text);
  if (!match) throw new Error(`No token in email:\n${text}`);
  return match[1];
}

/** Waits for the newest email to `to` whose subject matches. */
export async function waitForMail(t: TestApp, to: string, subject: RegExp, after = 0) {
  let seen = 0;
  return t.mailbox.waitFor((m) => m.to.includes(to) && subject.test(m.subject) && seen++ >= after);
}

/**
 * Registers through the REST API, verifies the email by reading the verification mail from
 * `t.mailbox`, logs in, and returns the account with its tokens.
 */
export async function registerUser(
  t: TestApp,
  overrides: Partial<{
    email: string;
    username: string;
    password: string;
    displayName: string;
  }> = {},
): Promise<RegisteredUser> {
  const identity = uniqueIdentity();
  const user = {
    email: overrides.email ?? identity.email,
    username: overrides.username ?? identity.username,
    password: overrides.password ?? `pw-${randomBytes(8).toString('hex')}-Long`,
    displayName: overrides.displayName ?? `Test ${identity.username}`,
  };
  const res = await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: user });
  if (res.statusCode !== 202) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const mail = await t.mailbox.waitFor(
    (m) => m.to.includes(user.email) && /confirm/i.test(m.subject),
  );
  const verify = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/verify-email',
    payload: { token: tokenFromMail(mail.text) },
  });
  if (verify.statusCode !== 200)
    throw new Error(`verify failed: ${verify.statusCode} ${verify.body}`);
  const tokens = await loginAs(t, user.email, user.password);
  const me = await t.inject({
    method: 'GET',
    url: '/api/v1/users/me',
    headers: bearer(tokens.accessToken),
  });
  if (me.statusCode !== 200) throw new Error(`me failed: ${me.statusCode} ${me.body}`);
  return { ...user, username: me.json().username, id: me.json().id, ...tokens };
}

/** Logs in with email (or username) and password; throws unless it succeeds. */
export async function loginAs(t: TestApp, email: string, password: string): Promise<Tokens> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return res.json() as Tokens;
}

/** Logs in as the administrator bootstrapped from ADMIN_ENV. */
export function loginAsAdmin(t: TestApp): Promise<Tokens> {
  return loginAs(t, ADMIN_ENV.ADMIN_EMAIL, ADMIN_ENV.ADMIN_PASSWORD);
}

/** Gives a user a role through the admin API (the app must be started with ADMIN_ENV). */
export async function makeRole(
  t: TestApp,
  userId: string,
  role: 'user' | 'moderator' | 'admin',
): Promise<void> {
  const admin = await loginAsAdmin(t);
  const res = await t.inject({
    method: 'PATCH',
    url: `/api/v1/admin/users/${userId}`,
    headers: bearer(admin.accessToken),
    payload: { role },
  });
  if (res.statusCode !== 200) throw new Error(`makeRole failed: ${res.statusCode} ${res.body}`);
}
