import { DataSource } from 'typeorm';
import { UsersMaintenance } from '../../libs/users/src/auth/users-maintenance.service';
import { createArticle } from '../content/content-helpers';
import { bearer, loginAs, registerUser, tokenFromMail, uniqueIdentity } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

/** Issue 12, items 1–3: enumeration through register, password guessing, registration abuse. */
describe.each(testModes())('account abuse (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.close());

  const register = (
    body: { email: string; username: string; password?: string; displayName?: string },
    ip?: string,
  ) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { password: 'a long enough passphrase 1', displayName: 'Someone', ...body },
      ...(ip ? { remoteAddress: ip } : {}),
    });
  const profile = (username: string) =>
    t.inject({ method: 'GET', url: `/api/v1/users/${username}` });

  describe('enumeration through register', () => {
    /** Everything a caller can observe about a username after registering it. */
    const observe = async (username: string) => {
      const res = await profile(username);
      const again = await register({ email: uniqueIdentity('again').email, username });
      return {
        profile: res.statusCode,
        profileType: res.json().type,
        again: again.statusCode,
        againType: again.json().type,
      };
    };

    it('a username sent with a taken email behaves exactly like one sent with a free email', async () => {
      const existing = await registerUser(t);
      const free = uniqueIdentity('free');
      const taken = { email: existing.email, username: uniqueIdentity('taken').username };
      const a = await register(free);
      const b = await register(taken);
      expect(a.statusCode).toBe(202);
      expect(b.statusCode).toBe(202);
      expect(b.body).toBe(a.body);

      const freeSide = await observe(free.username);
      const takenSide = await observe(taken.username);
      expect(takenSide).toEqual(freeSide);
      // Both: no public profile yet, and the username is held (a second register is a 409).
      expect(freeSide).toEqual({
        profile: 404,
        profileType: 'https://nexus.dev/problems/user-not-found',
        again: 409,
        againType: 'https://nexus.dev/problems/username-taken',
      });

      // Once the owner of the free address verifies, the profile is public.
      const mail = await t.mailbox.waitFor(
        (m) => m.to.includes(free.email) && /confirm/i.test(m.subject),
      );
      const verified = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/verify-email',
        payload: { token: tokenFromMail(mail.text) },
      });
      expect(verified.statusCode).toBe(200);
      expect((await profile(free.username)).statusCode).toBe(200);
    });

    it('after the verification window both usernames are free again', async () => {
      const existing = await registerUser(t);
      const free = uniqueIdentity('win');
      const taken = { email: existing.email, username: uniqueIdentity('win').username };
      expect((await register(free)).statusCode).toBe(202);
      expect((await register(taken)).statusCode).toBe(202);
      await t.mailbox.waitFor((m) => m.to.includes(free.email) && /confirm/i.test(m.subject));

      // Move both registrations a day back, as if the verification window had passed.
      const db = t.app.get(DataSource);
      await db.query(
        `UPDATE users SET created_at = now() - interval '25 hours' WHERE username = $1`,
        [free.username],
      );
      await db.query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 hour'
          WHERE user_id = (SELECT id FROM users WHERE username = $1)`,
        [free.username],
      );
      await db.query(
        `UPDATE username_reservations SET expires_at = now() - interval '1 hour'
          WHERE username = ANY($1)`,
        [[free.username, taken.username]],
      );
      await t.app.get(UsersMaintenance).purge();

      for (const username of [free.username, taken.username]) {
        const res = await register({ email: uniqueIdentity('next').email, username });
        expect({ username, status: res.statusCode }).toEqual({ username, status: 202 });
      }
      // The verified account was never touched.
      await loginAs(t, existing.email, existing.password);
    });
  });

  describe('password checks count toward the login lockout', () => {
    const ip = '203.0.113.50';

    it('DELETE /users/me: five wrong passwords, then the right one is refused while locked out', async () => {
      const u = await registerUser(t);
      const del = (password: string) =>
        t.inject({
          method: 'DELETE',
          url: '/api/v1/users/me',
          headers: bearer(u.accessToken),
          payload: { password },
          remoteAddress: ip,
        });
      for (let i = 0; i < 5; i++) expect((await del(`wrong password ${i}`)).statusCode).toBe(400);
      const locked = await del(u.password);
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['content-type']).toMatch(PROBLEM);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      // The account survived, and login from that address is locked too (one lockout).
      expect(
        (await t.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(u.accessToken) }))
          .statusCode,
      ).toBe(200);
      const login = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: u.password },
        remoteAddress: ip,
      });
      expect(login.statusCode).toBe(429);
    });

    it('change password: five wrong current passwords, then the right one is refused while locked out', async () => {
      const u = await registerUser(t);
      const change = (currentPassword: string) =>
        t.inject({
          method: 'POST',
          url: '/api/v1/users/me/password',
          headers: bearer(u.accessToken),
          payload: { currentPassword, newPassword: 'a brand new passphrase 9' },
          remoteAddress: ip,
        });
      for (let i = 0; i < 5; i++)
        expect((await change(`wrong password ${i}`)).statusCode).toBe(400);
      const locked = await change(u.password);
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['content-type']).toMatch(PROBLEM);
      await loginAs(t, u.email, u.password);
    });
  });

  describe('unverified accounts read and verify, but do not write', () => {
    it('403 email-not-verified on comment, like and follow; allowed once verified', async () => {
      const author = await registerUser(t);
      const article = await createArticle(t, author.accessToken, {}, true);
      const identity = uniqueIdentity('unverified');
      const password = 'unverified account passphrase';
      expect((await register({ ...identity, password })).statusCode).toBe(202);
      const { accessToken } = await loginAs(t, identity.email, password);
      const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
        t.inject({ method, url: `/api/v1${url}`, headers: bearer(accessToken), payload });

      const writes = () =>
        Promise.all([
          as('POST', `/articles/${article.id}/comments`, { body: 'Hello there' }),
          as('PUT', `/articles/${article.id}/reactions/like`),
          as('POST', `/users/${author.username}/follow`),
        ]);
      for (const res of await writes()) {
        expect(res.statusCode).toBe(403);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.json()).toMatchObject({
          type: 'https://nexus.dev/problems/email-not-verified',
          detail: expect.stringMatching(/verify|confirm/i),
        });
      }
      // Reading works.
      expect((await as('GET', '/users/me')).statusCode).toBe(200);
      expect((await as('GET', `/articles/${article.slug}`)).statusCode).toBe(200);
      expect((await as('GET', `/articles/${article.id}/comments`)).statusCode).toBe(200);

      const mail = await t.mailbox.waitFor(
        (m) => m.to.includes(identity.email) && /confirm/i.test(m.subject),
      );
      const verify = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/verify-email',
        payload: { token: tokenFromMail(mail.text) },
      });
      expect(verify.statusCode).toBe(200);
      expect((await writes()).map((r) => r.statusCode)).toEqual([201, 200, 200]);
    });
  });
});

describe.each(testModes())('registration limits (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, {
      env: { REGISTER_LIMIT_PER_IP: '3', REGISTER_LIMIT_GLOBAL: '5' },
    });
  });
  afterAll(() => t?.close());

  const register = (ip: string, identity = uniqueIdentity('lim')) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...identity, password: 'a long enough passphrase 2', displayName: 'L' },
      remoteAddress: ip,
    });

  it('caps registrations per IP and in total with 429 problem+json and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await register('198.51.100.1')).statusCode).toBe(202);
    const perIp = await register('198.51.100.1');
    expect(perIp.statusCode).toBe(429);
    expect(perIp.headers['content-type']).toMatch(PROBLEM);
    expect(Number(perIp.headers['retry-after'])).toBeGreaterThan(0);
    expect(perIp.json()).toMatchObject({
      type: 'https://nexus.dev/problems/too-many-requests',
      status: 429,
    });

    // Another address has its own count, up to the global cap (5 accepted in all).
    for (let i = 0; i < 2; i++) expect((await register('198.51.100.2')).statusCode).toBe(202);
    const global = await register('198.51.100.3');
    expect(global.statusCode).toBe(429);
    expect(Number(global.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe.each(testModes())('verification emails per address (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.close());

  it('at most 3 verification emails per address per hour, register and resend together', async () => {
    const identity = uniqueIdentity('vmail');
    const password = 'verification mail passphrase';
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...identity, password, displayName: 'V' },
    });
    expect(res.statusCode).toBe(202);
    await t.mailbox.waitFor((m) => m.to.includes(identity.email) && /confirm/i.test(m.subject));
    const { accessToken } = await loginAs(t, identity.email, password);
    const resend = () =>
      t.inject({
        method: 'POST',
        url: '/api/v1/auth/verify-email/resend',
        headers: bearer(accessToken),
      });
    expect((await resend()).statusCode).toBe(202);
    expect((await resend()).statusCode).toBe(202);
    const capped = await resend();
    expect(capped.statusCode).toBe(429);
    expect(capped.headers['content-type']).toMatch(PROBLEM);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
  });
});
