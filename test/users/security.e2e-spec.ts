import { createSigner } from 'fast-jwt';
import {
  ADMIN_ENV,
  bearer,
  loginAs,
  loginAsAdmin,
  registerUser,
  uniqueIdentity,
} from '../support/auth';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../libs/users/src/auth/password-hasher.service';
import { testModes } from '../support/modes';
import { deferred, waitUntil } from '../support/sync';
import { startTcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** Jest fakes only Date with this: the clock stands still while timers and I/O run for real. */
const REAL_EXCEPT_DATE: FakeableAPI[] = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe.each(testModes())('users security (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
  });
  afterAll(() => t?.close());

  const me = (authorization?: string) =>
    t.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: authorization ? { authorization } : {},
    });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });

  describe('access tokens', () => {
    it('rejects a missing token, a wrong scheme and garbage with 401 problem+json', async () => {
      for (const header of [
        undefined,
        'Basic abc',
        'Bearer',
        'Bearer not.a.jwt',
        'Bearer ' + 'a'.repeat(5000),
      ]) {
        const res = await me(header);
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    });

    it('rejects a tampered payload (role/sub changed) and a tampered signature', async () => {
      const victim = await registerUser(t);
      const attacker = await registerUser(t);
      const [h, p, s] = attacker.accessToken.split('.');
      const forged = { ...claimsOf(attacker.accessToken), sub: victim.id, role: 'admin' };
      expect((await me(`Bearer ${h}.${b64(forged)}.${s}`)).statusCode).toBe(401);
      const flipped = s.slice(0, -2) + (s.endsWith('AA') ? 'BB' : 'AA');
      expect((await me(`Bearer ${h}.${p}.${flipped}`)).statusCode).toBe(401);
      expect((await me(`Bearer ${attacker.accessToken}`)).statusCode).toBe(200);
    });

    it('rejects alg "none" and unsigned tokens', async () => {
      const u = await registerUser(t);
      const claims = claimsOf(u.accessToken);
      for (const alg of ['none', 'None', 'NONE']) {
        const header = b64({ alg, typ: 'JWT' });
        expect((await me(`Bearer ${header}.${b64(claims)}.`)).statusCode).toBe(401);
        expect((await me(`Bearer ${header}.${b64(claims)}`)).statusCode).toBe(401);
      }
    });

    it('rejects a token signed with another key, algorithm, issuer or audience', async () => {
      const u = await registerUser(t);
      const { sub, sid } = claimsOf(u.accessToken);
      const secret = t.config.jwtSecret;
      const variants = [
        createSigner({
          key: 'another-secret-another-secret-another-secret',
          iss: 'nexus',
          aud: 'nexus-api',
        }),
        createSigner({ key: secret, algorithm: 'HS512', iss: 'nexus', aud: 'nexus-api' }),
        createSigner({ key: secret, iss: 'someone-else', aud: 'nexus-api' }),
        createSigner({ key: secret, iss: 'nexus', aud: 'other-api' }),
        createSigner({ key: secret }),
      ];
      for (const sign of variants)
        expect((await me(`Bearer ${sign({ sub, sid })}`)).statusCode).toBe(401);
      // The control: the same claims, correctly signed, pass — so the checks above are meaningful.
      const good = createSigner({ key: secret, iss: 'nexus', aud: 'nexus-api', expiresIn: 60_000 });
      expect((await me(`Bearer ${good({ sub, sid })}`)).statusCode).toBe(200);
    });

    it('rejects an expired token', async () => {
      const u = await registerUser(t);
      const { sub, sid } = claimsOf(u.accessToken);
      const sign = createSigner({
        key: t.config.jwtSecret,
        iss: 'nexus',
        aud: 'nexus-api',
        expiresIn: 60_000,
        clockTimestamp: Date.now() - 3_600_000,
      });
      const res = await me(`Bearer ${sign({ sub, sid })}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toMatch(/invalid or expired/);
    });

    it('rejects a token whose session belongs to someone else', async () => {
      const a = await registerUser(t);
      const b = await registerUser(t);
      const sign = createSigner({
        key: t.config.jwtSecret,
        iss: 'nexus',
        aud: 'nexus-api',
        expiresIn: 60_000,
      });
      const mixed = sign({ sub: a.id, sid: claimsOf(b.accessToken).sid });
      expect((await me(`Bearer ${mixed}`)).statusCode).toBe(401);
    });
  });

  describe('suspended and deleted users', () => {
    it('a suspended user’s tokens stop at the next request; login and refresh refuse', async () => {
      const u = await registerUser(t);
      const admin = await loginAsAdmin(t);
      expect((await me(`Bearer ${u.accessToken}`)).statusCode).toBe(200);
      const suspend = await t.inject({
        method: 'PATCH',
        url: `/api/v1/admin/users/${u.id}`,
        headers: bearer(admin.accessToken),
        payload: { suspended: true, reason: 'spam' },
      });
      expect(suspend.statusCode).toBe(200);
      expect(suspend.json()).toMatchObject({ suspended: true, suspendedReason: 'spam' });
      expect((await me(`Bearer ${u.accessToken}`)).statusCode).toBe(401);
      expect((await post('/auth/refresh', { refreshToken: u.refreshToken })).statusCode).toBe(401);
      const login = await post('/auth/login', { email: u.email, password: u.password });
      expect(login.statusCode).toBe(403);
      expect(login.json().type).toBe('https://nexus.dev/problems/account-suspended');
      // A wrong password for a suspended account says nothing about the suspension.
      expect(
        (await post('/auth/login', { email: u.email, password: 'wrong password here' })).statusCode,
      ).toBe(401);

      const lift = await t.inject({
        method: 'PATCH',
        url: `/api/v1/admin/users/${u.id}`,
        headers: bearer(admin.accessToken),
        payload: { suspended: false },
      });
      expect(lift.json().suspended).toBe(false);
      // Suspension ended the old sessions for good; a new login works.
      expect((await me(`Bearer ${u.accessToken}`)).statusCode).toBe(401);
      await loginAs(t, u.email, u.password);
    });

    it('a deleted user’s tokens stop working and the account is gone', async () => {
      const u = await registerUser(t);
      const wrong = await t.inject({
        method: 'DELETE',
        url: '/api/v1/users/me',
        headers: bearer(u.accessToken),
        payload: { password: 'not the password' },
      });
      expect(wrong.statusCode).toBe(400);
      const del = await t.inject({
        method: 'DELETE',
        url: '/api/v1/users/me',
        headers: bearer(u.accessToken),
        payload: { password: u.password },
      });
      expect(del.statusCode).toBe(204);
      expect((await me(`Bearer ${u.accessToken}`)).statusCode).toBe(401);
      expect((await post('/auth/refresh', { refreshToken: u.refreshToken })).statusCode).toBe(401);
      expect((await post('/auth/login', { email: u.email, password: u.password })).statusCode).toBe(
        401,
      );
      expect((await t.inject(`/api/v1/users/${u.username}`)).statusCode).toBe(404);
    });
  });

  if (mode === 'full') {
    describe('across api instances (full mode)', () => {
      let t2: TestApp;
      beforeAll(async () => {
        t2 = await startTestApp(mode, { shareWith: t, env: { ...ADMIN_ENV } });
      });
      afterAll(() => t2?.close());

      it('a revocation on one instance reaches the other through Redis pub/sub, not the TTL', async () => {
        const u = await registerUser(t);
        const viaB = () =>
          t2.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(u.accessToken) });
        // Date stands still (timers stay real), so nothing B cached can expire: only the eviction
        // message can turn B's answer, however long it takes.
        jest.useFakeTimers({ now: Date.now(), doNotFake: REAL_EXCEPT_DATE });
        try {
          expect((await viaB()).statusCode).toBe(200); // B now caches the session as valid
          expect((await post('/auth/logout-all', {}, bearer(u.accessToken))).statusCode).toBe(204);
          let status = 200;
          for (let i = 0; i < 2_000 && status === 200; i++) {
            status = (await viaB()).statusCode;
            if (status === 200) await new Promise((r) => setTimeout(r, 5));
          }
          expect(status).toBe(401);
        } finally {
          jest.useRealTimers();
        }
      });

      it('with Redis cut, login, authenticated reads and logout-all still answer promptly', async () => {
        const proxy = await startTcpProxy(
          Number(new URL(process.env.TEST_REDIS_URL!).port || 6379),
        );
        const t3 = await startTestApp(mode, {
          shareWith: t,
          env: { ...ADMIN_ENV, REDIS_URL: `redis://127.0.0.1:${proxy.port}` },
        });
        try {
          const u = await registerUser(t);
          proxy.cut();
          const timed = async <T>(work: () => Promise<T>) => {
            const start = Date.now();
            const result = await work();
            return { result, ms: Date.now() - start };
          };
          const login = await timed(() =>
            t3.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { email: u.email, password: u.password },
            }),
          );
          expect(login.result.statusCode).toBe(200);
          const tokens = login.result.json();
          const read = await timed(() =>
            t3.inject({
              method: 'GET',
              url: '/api/v1/users/me',
              headers: bearer(tokens.accessToken),
            }),
          );
          expect(read.result.statusCode).toBe(200);
          const out = await timed(() =>
            t3.inject({
              method: 'POST',
              url: '/api/v1/auth/logout-all',
              headers: bearer(tokens.accessToken),
            }),
          );
          expect(out.result.statusCode).toBe(204);
          // Revocation on this instance is immediate even without Redis.
          expect(
            (
              await t3.inject({
                method: 'GET',
                url: '/api/v1/users/me',
                headers: bearer(tokens.accessToken),
              })
            ).statusCode,
          ).toBe(401);
          expect(Math.max(login.ms, read.ms, out.ms)).toBeLessThan(3_000);
        } finally {
          proxy.restore();
          await t3.close();
          await proxy.close();
        }
      });

      it('a profile change on one instance is visible on the other at once', async () => {
        const u = await registerUser(t);
        const meB = () =>
          t2.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(u.accessToken) });
        expect((await meB()).json().displayName).toBe(u.displayName);
        await t.inject({
          method: 'PATCH',
          url: '/api/v1/users/me',
          headers: bearer(u.accessToken),
          payload: { displayName: 'Renamed' },
        });
        const renamed = await waitUntil(
          async () => (await meB()).json().displayName === 'Renamed',
          {
            what: 'rename visible on the other instance',
          },
        );
        expect(renamed).toBe(true);
      });
    });
  }

  describe('authorisation and mass assignment', () => {
    it('cannot edit another user: PATCH /users/me only touches the caller, admin API needs a role', async () => {
      const a = await registerUser(t);
      const b = await registerUser(t);
      const patch = await t.inject({
        method: 'PATCH',
        url: '/api/v1/users/me',
        headers: bearer(a.accessToken),
        payload: { displayName: 'Changed by A' },
      });
      expect(patch.statusCode).toBe(200);
      expect((await t.inject(`/api/v1/users/${b.username}`)).json().displayName).toBe(
        b.displayName,
      );
      for (const payload of [{ id: b.id }, { username: b.username }, { userId: b.id }]) {
        const res = await t.inject({
          method: 'PATCH',
          url: '/api/v1/users/me',
          headers: bearer(a.accessToken),
          payload,
        });
        expect(res.statusCode).toBe(400);
      }
      const viaAdmin = await t.inject({
        method: 'PATCH',
        url: `/api/v1/admin/users/${b.id}`,
        headers: bearer(a.accessToken),
        payload: { suspended: true },
      });
      expect(viaAdmin.statusCode).toBe(403);
      expect(
        (
          await t.inject({
            method: 'GET',
            url: '/api/v1/admin/users',
            headers: bearer(a.accessToken),
          })
        ).statusCode,
      ).toBe(403);
      expect((await t.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
    });

    it('rejects role (and other privileged fields) in register and profile bodies with 400', async () => {
      const { email, username } = uniqueIdentity('mass');
      const base = { email, username, password: 'mass assignment pass 1', displayName: 'M' };
      for (const extra of [
        { role: 'admin' },
        { emailVerified: true },
        { id: '00000000-0000-0000-0000-000000000000' },
      ]) {
        const res = await post('/auth/register', { ...base, ...extra });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toEqual([
          {
            field: Object.keys(extra)[0],
            messages: [`property ${Object.keys(extra)[0]} should not exist`],
          },
        ]);
      }
      expect((await t.inject(`/api/v1/users/${username}`)).statusCode).toBe(404);
      const u = await registerUser(t);
      for (const payload of [
        { role: 'admin' },
        { email: 'x@y.z' },
        { suspended: false },
        { followerCount: 1e6 },
        { displayName: null },
      ]) {
        const res = await t.inject({
          method: 'PATCH',
          url: '/api/v1/users/me',
          headers: bearer(u.accessToken),
          payload,
        });
        expect(res.statusCode).toBe(400);
      }
      expect((await me(`Bearer ${u.accessToken}`)).json().role).toBe('user');
    });

    it('moderators may suspend plain users but not change roles; nobody changes their own role', async () => {
      const mod = await registerUser(t);
      const target = await registerUser(t);
      const admin = await loginAsAdmin(t);
      const adminId = (await me(`Bearer ${admin.accessToken}`)).json().id;
      const patch = (token: string, id: string, payload: object) =>
        t.inject({
          method: 'PATCH',
          url: `/api/v1/admin/users/${id}`,
          headers: bearer(token),
          payload,
        });
      expect((await patch(admin.accessToken, mod.id, { role: 'moderator' })).statusCode).toBe(200);
      expect((await patch(mod.accessToken, target.id, { role: 'admin' })).statusCode).toBe(403);
      expect((await patch(mod.accessToken, mod.id, { role: 'admin' })).statusCode).toBe(403);
      expect((await patch(mod.accessToken, adminId, { suspended: true })).statusCode).toBe(403);
      expect((await patch(mod.accessToken, target.id, { suspended: true })).statusCode).toBe(200);
      expect((await patch(admin.accessToken, adminId, { role: 'user' })).statusCode).toBe(403);
      expect((await patch(admin.accessToken, target.id, { role: 'superuser' })).statusCode).toBe(
        400,
      );
      expect((await patch(admin.accessToken, 'not-a-uuid', { role: 'user' })).statusCode).toBe(404);
      // null is not "leave unchanged": it is refused, and nothing changes.
      for (const payload of [
        { role: null },
        { suspended: null },
        { role: 'user', suspended: null },
      ]) {
        expect((await patch(admin.accessToken, target.id, payload)).statusCode).toBe(400);
      }
      const after = await t.inject({
        method: 'GET',
        url: '/api/v1/admin/users?limit=100',
        headers: bearer(admin.accessToken),
      });
      expect(after.json().items.find((u: { id: string }) => u.id === target.id)).toMatchObject({
        role: 'user',
        suspended: true,
      });
    });
  });

  describe('enumeration', () => {
    it('register answers the same for a new and an already-registered email; the owner is told by email', async () => {
      const existing = await registerUser(t);
      const fresh = uniqueIdentity('enum');
      const a = await post('/auth/register', {
        ...fresh,
        password: 'enumeration test pw 1',
        displayName: 'E',
      });
      const b = await post('/auth/register', {
        email: existing.email.toUpperCase(),
        username: uniqueIdentity('enum').username,
        password: 'enumeration test pw 1',
        displayName: 'E',
      });
      expect(a.statusCode).toBe(202);
      expect(b.statusCode).toBe(a.statusCode);
      expect(b.body).toBe(a.body);
      expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
      await t.mailbox.waitFor(
        (m) => m.to.includes(existing.email) && /tried to sign up/i.test(m.subject),
      );
      // The existing account was not touched: its password still works.
      await loginAs(t, existing.email, existing.password);
    });

    it('register does the same work for a new and an already-registered email before answering', async () => {
      const existing = await registerUser(t);
      // The costly step is the password hash: counted on the app's own hasher, not timed.
      const hasher = t.app.get(PasswordHasher);
      const hash = hasher.hash;
      let hashes = 0;
      hasher.hash = (password: string) => {
        hashes++;
        return hash.call(hasher, password);
      };
      const register = async (email: string) => {
        hashes = 0;
        const res = await post('/auth/register', {
          email,
          username: uniqueIdentity('same-work').username,
          password: 'same work passphrase',
          displayName: 'T',
        });
        return { res, hashes };
      };
      try {
        const fresh = await register(uniqueIdentity('same-work').email);
        const taken = await register(existing.email);
        expect(fresh.res.statusCode).toBe(202);
        expect(taken.res.statusCode).toBe(202);
        expect(taken.res.body).toBe(fresh.res.body);
        expect(fresh.hashes).toBe(1);
        expect(taken.hashes).toBe(1);
      } finally {
        hasher.hash = hash;
      }
    });

    it('a taken username is a 409 problem (usernames are public)', async () => {
      const existing = await registerUser(t);
      const res = await post('/auth/register', {
        email: uniqueIdentity().email,
        username: existing.username.toUpperCase(),
        password: 'duplicate username pw',
        displayName: 'D',
      });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json().type).toBe('https://nexus.dev/problems/username-taken');
    });

    it('forgot-password answers the same for known and unknown emails, before looking either up', async () => {
      const known = await registerUser(t);
      // The users table is locked (embedded: the whole session is held) while both requests are
      // answered, so neither answer can depend on whether the account exists.
      const db = t.app.get(DataSource);
      const locked = deferred();
      const release = deferred();
      const lock = db.transaction(async (em) => {
        await em.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
        locked.resolve();
        await release.promise;
      });
      let k: Awaited<ReturnType<typeof post>>;
      let u: Awaited<ReturnType<typeof post>>;
      try {
        await locked.promise;
        k = await post('/auth/password/forgot', { email: known.email });
        u = await post('/auth/password/forgot', { email: `nobody-${known.email}` });
      } finally {
        release.resolve();
        await lock;
      }
      expect(k.statusCode).toBe(202);
      expect(u.statusCode).toBe(k.statusCode);
      expect(u.body).toBe(k.body);
      // The lookup and the email happen after the answer.
      await t.mailbox.waitFor((m) => m.to.includes(known.email) && /reset/i.test(m.subject));
    });

    it('login failures read the same for an unknown account and a wrong password', async () => {
      const u = await registerUser(t);
      const wrong = await post('/auth/login', { email: u.email, password: 'wrong password 123' });
      const unknown = await post('/auth/login', {
        email: `ghost-${u.email}`,
        password: 'wrong password 123',
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      const strip = (b: { requestId?: string }) => ({ ...b, requestId: undefined });
      expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    });
  });

  describe('brute force', () => {
    it('locks (account, IP) after 5 failures with 429 + Retry-After; success resets the count', async () => {
      const u = await registerUser(t);
      const attempt = (password: string, ip = '203.0.113.7') =>
        t.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: u.email, password },
          remoteAddress: ip,
        });
      // Two failures, then a success resets the counter: five more failures are needed again.
      for (let i = 0; i < 2; i++)
        expect((await attempt(`wrong-${i}-password`)).statusCode).toBe(401);
      expect((await attempt(u.password)).statusCode).toBe(200);
      for (let i = 0; i < 5; i++)
        expect((await attempt(`wrong-${i}-password`)).statusCode).toBe(401);
      const locked = await attempt(u.password);
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['content-type']).toMatch(PROBLEM);
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(locked.json()).toMatchObject({
        type: 'https://nexus.dev/problems/too-many-attempts',
        retryAfterSeconds: retryAfter,
      });
      // Even the right password is refused during the cool-off; other IPs are not affected.
      expect((await attempt(u.password, '198.51.100.9')).statusCode).toBe(200);
    });

    it('counts failures per IP across accounts', async () => {
      const ip = '192.0.2.44';
      let status = 0;
      let tries = 0;
      for (; tries < 60 && status !== 429; tries++) {
        const res = await t.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `spray-${tries}@example.test`, password: 'spray password 1' },
          remoteAddress: ip,
        });
        status = res.statusCode;
      }
      expect(status).toBe(429);
      expect(tries).toBe(51);
    });
  });

  describe('input validation', () => {
    const cases: [string, string, unknown, string[]][] = [
      [
        'register: everything wrong',
        '/auth/register',
        { email: 'nope', username: 'a', password: 'short', displayName: '' },
        ['displayName', 'email', 'password', 'username'],
      ],
      [
        'register: reserved username',
        '/auth/register',
        {
          email: 'r@example.test',
          username: 'admin',
          password: 'reserved name pw 1',
          displayName: 'R',
        },
        ['username'],
      ],
      [
        'register: common password',
        '/auth/register',
        {
          email: 'c@example.test',
          username: 'common_pw',
          password: 'qwertyuiop',
          displayName: 'C',
        },
        ['password'],
      ],
      [
        'register: password contains username',
        '/auth/register',
        {
          email: 'c@example.test',
          username: 'harold',
          password: 'harold-rules-ok',
          displayName: 'C',
        },
        ['password'],
      ],
      [
        'register: wrong types',
        '/auth/register',
        { email: 42, username: ['x'], password: { a: 1 }, displayName: null },
        ['displayName', 'email', 'password', 'username'],
      ],
      ['login: nothing', '/auth/login', {}, ['email', 'password']],
      [
        'login: both email and username',
        '/auth/login',
        { email: 'a@b.c', username: 'abc', password: 'x' },
        ['username'],
      ],
      ['refresh: number', '/auth/refresh', { refreshToken: 5 }, ['refreshToken']],
      ['verify: empty', '/auth/verify-email', { token: '' }, ['token']],
      ['forgot: not an email', '/auth/password/forgot', { email: 'nope' }, ['email']],
      ['reset: missing password', '/auth/password/reset', { token: 'abc' }, ['newPassword']],
    ];
    it.each(cases)('%s → 400 with field errors', async (_, url, payload, fields) => {
      const res = await post(url, payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect([...new Set(res.json().errors.map((e: { field: string }) => e.field))].sort()).toEqual(
        fields,
      );
    });

    it('never answers 500 to hostile input', async () => {
      const u = await registerUser(t);
      const auth = bearer(u.accessToken);
      const bodies = [
        'null',
        '[]',
        '"x"',
        '{"__proto__":{"role":"admin"}}',
        '{"constructor":{"prototype":{}}}',
        '{',
        '{"email":{"$ne":null}}',
      ];
      const routes: [string, string, Record<string, string>][] = [
        ['POST', '/api/v1/auth/register', {}],
        ['POST', '/api/v1/auth/login', {}],
        ['POST', '/api/v1/auth/refresh', {}],
        ['POST', '/api/v1/auth/logout', {}],
        ['POST', '/api/v1/auth/verify-email', {}],
        ['POST', '/api/v1/auth/password/forgot', {}],
        ['POST', '/api/v1/auth/password/reset', {}],
        ['PATCH', '/api/v1/users/me', auth],
        ['DELETE', '/api/v1/users/me', auth],
        ['POST', '/api/v1/users/me/password', auth],
        ['PATCH', `/api/v1/admin/users/${u.id}`, auth],
      ];
      for (const [method, url, headers] of routes) {
        for (const payload of bodies) {
          const res = await t.inject({
            method: method as 'POST',
            url,
            payload,
            headers: { ...headers, 'content-type': 'application/json' },
          });
          // An empty-after-parsing profile patch is a valid no-op; everything else is refused.
          const allowed =
            method === 'PATCH' && url.endsWith('/users/me') ? [200, 400] : [400, 401, 403];
          expect(
            allowed.includes(res.statusCode)
              ? 'ok'
              : `${method} ${url} ${payload} → ${res.statusCode}`,
          ).toBe('ok');
        }
      }
      // No body at all where one is required.
      for (const [method, url] of [
        ['DELETE', '/api/v1/users/me'],
        ['POST', '/api/v1/users/me/password'],
        ['POST', '/api/v1/auth/login'],
        ['POST', '/api/v1/auth/register'],
      ]) {
        const res = await t.inject({ method: method as 'POST', url, headers: auth });
        expect(`${method} ${url} → ${res.statusCode}`).toBe(`${method} ${url} → 400`);
      }
      for (const url of [
        '/api/v1/users/%00',
        `/api/v1/users/${'x'.repeat(5000)}`,
        "/api/v1/users/a'OR'1'='1",
        '/api/v1/users/someone/followers?cursor=%%%',
        '/api/v1/users/someone/followers?limit=-1',
        '/api/v1/users/someone/followers?limit=abc',
      ]) {
        const res = await t.inject({ method: 'GET', url });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      expect((await me(`Bearer ${u.accessToken}`)).json().role).toBe('user');
    });
  });
});
