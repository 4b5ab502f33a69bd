import { bearer, loginAs, registerUser, tokenFromMail, uniqueIdentity } from '../support/auth';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe.each(testModes())('auth flows (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
  const me = (accessToken: string) =>
    t.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(accessToken) });

  it('walks register → email → verify → login → refresh → reuse → family revoked → logout-all', async () => {
    const { email, username } = uniqueIdentity('flow');
    const password = 'a sturdy passphrase 1';
    const reg = await post('/auth/register', {
      email,
      username,
      password,
      displayName: 'Flow User',
    });
    expect(reg.statusCode).toBe(202);

    // Until verified the account can log in (and read) but is flagged unverified.
    const early = await loginAs(t, email, password);
    expect((await me(early.accessToken)).json()).toMatchObject({
      email,
      username,
      emailVerified: false,
    });

    const mail = await t.mailbox.waitFor((m) => m.to.includes(email) && /confirm/i.test(m.subject));
    const token = tokenFromMail(mail.text);
    expect(mail.html).toContain(token);
    const verified = await post('/auth/verify-email', { token });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ emailVerified: true });
    // Single use.
    const again = await post('/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().type).toBe('https://nexus.dev/problems/invalid-token');
    // The already-open session sees the new state at its next request.
    expect((await me(early.accessToken)).json().emailVerified).toBe(true);

    const login = await post('/auth/login', { email, password });
    expect(login.statusCode).toBe(200);
    const first = login.json();
    expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(first.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await me(first.accessToken)).statusCode).toBe(200);

    const refreshed = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    const second = refreshed.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken)).statusCode).toBe(200);

    // The rotated token comes back: theft. The whole family dies, including the newest pair.
    const reuse = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.headers['content-type']).toMatch(PROBLEM);
    expect(reuse.json().type).toBe('https://nexus.dev/problems/invalid-refresh-token');
    expect((await post('/auth/refresh', { refreshToken: second.refreshToken })).statusCode).toBe(
      401,
    );
    expect((await me(second.accessToken)).statusCode).toBe(401);
    expect((await me(first.accessToken)).statusCode).toBe(401);
    // Other sessions (the early one) are untouched by one family's revocation.
    expect((await me(early.accessToken)).statusCode).toBe(200);

    // logout-all ends every remaining session.
    const other = await loginAs(t, username, password);
    const all = await post('/auth/logout-all', {}, bearer(other.accessToken));
    expect(all.statusCode).toBe(204);
    expect((await me(early.accessToken)).statusCode).toBe(401);
    expect((await me(other.accessToken)).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: early.refreshToken })).statusCode).toBe(
      401,
    );
    expect((await post('/auth/refresh', { refreshToken: other.refreshToken })).statusCode).toBe(
      401,
    );
  });

  it('logs out one session with its refresh token, leaving the others', async () => {
    const u = await registerUser(t);
    const second = await loginAs(t, u.email, u.password);
    const out = await post('/auth/logout', { refreshToken: u.refreshToken });
    expect(out.statusCode).toBe(204);
    expect((await me(u.accessToken)).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: u.refreshToken })).statusCode).toBe(401);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    // Idempotent, and silent for unknown tokens.
    expect((await post('/auth/logout', { refreshToken: u.refreshToken })).statusCode).toBe(204);
    expect((await post('/auth/logout', { refreshToken: 'x'.repeat(43) })).statusCode).toBe(204);
  });

  it('resets a forgotten password end to end by reading the email', async () => {
    const u = await registerUser(t);
    const other = await loginAs(t, u.email, u.password);
    const forgot = await post('/auth/password/forgot', { email: u.email.toUpperCase() });
    expect(forgot.statusCode).toBe(202);
    const mail = await t.mailbox.waitFor((m) => m.to.includes(u.email) && /reset/i.test(m.subject));
    const token = tokenFromMail(mail.text);

    const weak = await post('/auth/password/reset', { token, newPassword: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      { field: 'newPassword', messages: ['password is too common'] },
    ]);

    const newPassword = 'brand new passphrase 2';
    const reset = await post('/auth/password/reset', { token, newPassword });
    expect(reset.statusCode).toBe(204);
    // Every session is signed out, the old password is dead, the token is single use.
    expect((await me(u.accessToken)).statusCode).toBe(401);
    expect((await me(other.accessToken)).statusCode).toBe(401);
    expect((await post('/auth/login', { email: u.email, password: u.password })).statusCode).toBe(
      401,
    );
    expect(
      (await post('/auth/password/reset', { token, newPassword: 'yet another passphrase 3' }))
        .statusCode,
    ).toBe(400);
    await loginAs(t, u.email, newPassword);
    await t.mailbox.waitFor(
      (m) => m.to.includes(u.email) && /password was changed/i.test(m.subject),
    );
  });

  it('changes the password: current session stays, others end, wrong current password is a 400', async () => {
    const u = await registerUser(t);
    const other = await loginAs(t, u.email, u.password);
    const wrong = await post(
      '/users/me/password',
      { currentPassword: 'not my password at all', newPassword: 'another good passphrase' },
      bearer(u.accessToken),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');

    const sameAsUsername = await post(
      '/users/me/password',
      { currentPassword: u.password, newPassword: `${u.username}-and-more` },
      bearer(u.accessToken),
    );
    expect(sameAsUsername.statusCode).toBe(400);

    const ok = await post(
      '/users/me/password',
      { currentPassword: u.password, newPassword: 'another good passphrase' },
      bearer(u.accessToken),
    );
    expect(ok.statusCode).toBe(204);
    expect((await me(u.accessToken)).statusCode).toBe(200);
    expect((await me(other.accessToken)).statusCode).toBe(401);
    await loginAs(t, u.username, 'another good passphrase');
  });

  it('resends a verification email; the newest token supersedes the older one', async () => {
    const { email, username } = uniqueIdentity('resend');
    const password = 'resend passphrase 77';
    expect(
      (await post('/auth/register', { email, username, password, displayName: 'R' })).statusCode,
    ).toBe(202);
    const firstMail = await t.mailbox.waitFor(
      (m) => m.to.includes(email) && /confirm/i.test(m.subject),
    );
    const tokens = await loginAs(t, email, password);
    const resend = await post('/auth/verify-email/resend', {}, bearer(tokens.accessToken));
    expect(resend.statusCode).toBe(202);
    const all = async () =>
      (await t.mailbox.messages()).filter(
        (m) => m.to.includes(email) && /confirm/i.test(m.subject),
      );
    const mails = await waitUntil(
      async () => {
        const found = await all();
        return found.length >= 2 && found;
      },
      { what: 'second confirmation email' },
    );
    expect(mails).toHaveLength(2);
    const newest = mails
      .map((m) => tokenFromMail(m.text))
      .find((tk) => tk !== tokenFromMail(firstMail.text))!;
    expect(
      (await post('/auth/verify-email', { token: tokenFromMail(firstMail.text) })).statusCode,
    ).toBe(400);
    expect((await post('/auth/verify-email', { token: newest })).statusCode).toBe(200);
    const done = await post('/auth/verify-email/resend', {}, bearer(tokens.accessToken));
    expect(done.statusCode).toBe(409);
  });

  it('two concurrent refreshes with one token: one wins, the other is treated as reuse', async () => {
    const u = await registerUser(t);
    const results = await Promise.all(
      [0, 1, 2].map(() => post('/auth/refresh', { refreshToken: u.refreshToken })),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 401, 401]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    // The replay revoked the family, so even the winner's new pair is dead.
    expect((await post('/auth/refresh', { refreshToken: winner.refreshToken })).statusCode).toBe(
      401,
    );
    expect((await me(winner.accessToken)).statusCode).toBe(401);
  });

  it('lists the caller’s sessions and ends one of them; other users’ sessions are out of reach', async () => {
    const u = await registerUser(t);
    const phone = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: u.password },
        headers: { 'user-agent': 'PhoneApp/1.0' },
      })
    ).json();
    const list = await t.inject({
      method: 'GET',
      url: '/api/v1/users/me/sessions',
      headers: bearer(u.accessToken),
    });
    expect(list.statusCode).toBe(200);
    const sessions = list.json();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneSession = sessions.find(
      (s: { userAgent: string }) => s.userAgent === 'PhoneApp/1.0',
    );
    expect(phoneSession).toMatchObject({ current: false, ip: '127.0.0.1' });

    const other = await registerUser(t);
    const steal = await t.inject({
      method: 'DELETE',
      url: `/api/v1/users/me/sessions/${phoneSession.id}`,
      headers: bearer(other.accessToken),
    });
    expect(steal.statusCode).toBe(404);
    expect((await me(phone.accessToken)).statusCode).toBe(200);

    const end = await t.inject({
      method: 'DELETE',
      url: `/api/v1/users/me/sessions/${phoneSession.id}`,
      headers: bearer(u.accessToken),
    });
    expect(end.statusCode).toBe(204);
    expect((await me(phone.accessToken)).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: phone.refreshToken })).statusCode).toBe(
      401,
    );
    expect((await me(u.accessToken)).statusCode).toBe(200);
    const bad = await t.inject({
      method: 'DELETE',
      url: '/api/v1/users/me/sessions/not-a-uuid',
      headers: bearer(u.accessToken),
    });
    expect(bad.statusCode).toBe(404);
  });

  it('a refresh keeps the session id, so logout of the refreshed pair ends the session', async () => {
    const u = await registerUser(t);
    const next = (await post('/auth/refresh', { refreshToken: u.refreshToken })).json();
    const sid = (tok: string) =>
      JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString()).sid;
    expect(sid(next.accessToken)).toBe(sid(u.accessToken));
    expect((await post('/auth/logout', { refreshToken: next.refreshToken })).statusCode).toBe(204);
    expect((await me(next.accessToken)).statusCode).toBe(401);
  });
});
