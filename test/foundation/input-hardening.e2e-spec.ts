import { connect } from 'node:net';
import { ADMIN_ENV, bearer, loginAsAdmin, registerUser, RegisteredUser } from '../support/auth';
import { FixturesModule } from '../support/fixtures';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

/** Sends raw bytes on a socket and resolves with the whole answer (the server closes it). */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' ? resolve(data) : reject(err),
    );
    socket.on('close', () => resolve(data));
  });
}

const deepJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe.each(testModes())('input hardening (%s mode)', (mode) => {
  let t: TestApp;
  let user: RegisteredUser;
  beforeAll(async () => {
    t = await startTestApp(mode, { imports: [FixturesModule], env: { ...ADMIN_ENV } });
    user = await registerUser(t);
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
  const expectFieldRejected = (res: Awaited<ReturnType<TestApp['inject']>>, field: string) => {
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    const body = res.json();
    expect(body.type).toBe('https://nexus.dev/problems/validation');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  };

  describe('control characters in every string (body, query, params)', () => {
    it.each(['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u009b'])(
      'rejects %j in login username, register and profile fields with 400 naming the field',
      async (bad) => {
        expectFieldRejected(
          await post('/auth/login', { username: `ada${bad}`, password: 'x' }),
          'username',
        );
        expectFieldRejected(
          await post('/auth/register', {
            email: 'nul@example.test',
            username: 'nulname',
            password: 'a long enough passphrase 42',
            displayName: `Ada${bad}`,
          }),
          'displayName',
        );
        const patch = (payload: object) =>
          t.inject({
            method: 'PATCH',
            url: '/api/v1/users/me',
            headers: bearer(user.accessToken),
            payload,
          });
        expectFieldRejected(await patch({ bio: `hello${bad}world` }), 'bio');
        expectFieldRejected(await patch({ displayName: `Ada${bad}` }), 'displayName');
      },
    );

    it('rejects NUL in a query parameter (admin q) and in a path parameter', async () => {
      const admin = await loginAsAdmin(t);
      expectFieldRejected(
        await t.inject({
          method: 'GET',
          url: '/api/v1/admin/users?q=ad%00a',
          headers: bearer(admin.accessToken),
        }),
        'q',
      );
      expectFieldRejected(
        await t.inject({ method: 'GET', url: '/api/v1/users/ada%00x' }),
        'username',
      );
    });

    it('rejects NUL in a nested field and in a field name', async () => {
      const nested = await post('/test-fixtures/echo', {
        email: 'a@b.co',
        count: 2,
        address: { city: 'Os\u0000lo' },
      });
      expectFieldRejected(nested, 'address.city');
      const key = await post('/test-fixtures/echo', {
        email: 'a@b.co',
        count: 2,
        address: { city: 'Oslo' },
        'x\u0000': 1,
      });
      expect(key.statusCode).toBe(400);
      expect(key.headers['content-type']).toMatch(PROBLEM);
    });

    it('keeps tab, CR and LF in multi-line text', async () => {
      const res = await t.inject({
        method: 'PATCH',
        url: '/api/v1/users/me',
        headers: bearer(user.accessToken),
        payload: { bio: 'line one\r\nline two\tindented' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().bio).toBe('line one\r\nline two\tindented');
    });

    it.each(['forgot', 'register'])(
      'rejects a lone surrogate in email (%s) before it reaches isEmail',
      async (route) => {
        const email = 'a\ud800@x.io';
        const res =
          route === 'forgot'
            ? await post('/auth/password/forgot', { email })
            : await post('/auth/register', {
                email,
                username: 'surrogate',
                password: 'a long enough passphrase 42',
                displayName: 'Sur',
              });
        expectFieldRejected(res, 'email');
        expect(
          res.json().errors.find((e: { field: string }) => e.field === 'email').messages,
        ).toEqual(['email must not contain control characters or unpaired surrogates']);
      },
    );

    it('answers a percent-encoded surrogate (invalid UTF-8) in a query string without an error', async () => {
      const res = await t.inject({ method: 'GET', url: '/api/v1/articles?q=x%ED%B0%80' });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('single-line human names', () => {
    it.each([
      ['a bidi override', 'Ada\u202eecalevol'],
      ['a bidi isolate', 'Ada\u2066x'],
      ['a zero-width joiner', 'Ad\u200da'],
      ['a BOM', 'Ad\ufeffa'],
      ['a newline', 'Ada\nLovelace'],
      ['a tab', 'Ada\tLovelace'],
    ])('rejects %s in displayName (register and profile)', async (_, displayName) => {
      expectFieldRejected(
        await post('/auth/register', {
          email: 'bidi@example.test',
          username: 'bidiname',
          password: 'a long enough passphrase 42',
          displayName,
        }),
        'displayName',
      );
      expectFieldRejected(
        await t.inject({
          method: 'PATCH',
          url: '/api/v1/users/me',
          headers: bearer(user.accessToken),
          payload: { displayName },
        }),
        'displayName',
      );
    });

    it('accepts non-Latin names', async () => {
      const res = await t.inject({
        method: 'PATCH',
        url: '/api/v1/users/me',
        headers: bearer(user.accessToken),
        payload: { displayName: 'Ада Лавлейс 李 أدا 🙂' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().displayName).toBe('Ада Лавлейс 李 أدا 🙂');
    });
  });

  describe('JSON nesting depth', () => {
    it.each(['/test-fixtures/echo', '/auth/login', '/auth/password/forgot'])(
      'answers a body nested 5,000 levels deep on %s with 400 problem+json',
      async (url) => {
        const res = await t.inject({
          method: 'POST',
          url: `/api/v1${url}`,
          payload: deepJson(5000),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.json().type).toBe('https://nexus.dev/problems/malformed-body');
      },
    );

    it('answers deep arrays with 400 and still accepts ordinary nesting', async () => {
      const arrays = await t.inject({
        method: 'POST',
        url: '/api/v1/test-fixtures/echo',
        payload: '['.repeat(100) + ']'.repeat(100),
        headers: { 'content-type': 'application/json' },
      });
      expect(arrays.statusCode).toBe(400);
      expect(arrays.json().type).toBe('https://nexus.dev/problems/malformed-body');
      const ok = await post('/test-fixtures/echo', {
        email: 'a@b.co',
        count: 2,
        address: { city: 'Oslo' },
      });
      expect(ok.statusCode).toBe(201);
    });
  });

  describe("Fastify's own errors", () => {
    it('answers bad URL encoding with 400 problem+json', async () => {
      const res = await t.inject({ method: 'GET', url: '/api/v1/articles/%zz' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json()).toMatchObject({
        status: 400,
        type: 'https://nexus.dev/problems/bad-request',
      });
    });

    it('answers an over-long path parameter with 414 problem+json', async () => {
      const res = await t.inject({ method: 'GET', url: `/api/v1/articles/${'a'.repeat(600)}` });
      expect(res.statusCode).toBe(414);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json()).toMatchObject({
        status: 414,
        type: 'https://nexus.dev/problems/uri-too-long',
      });
    });

    it('answers an unknown method with problem+json', async () => {
      for (const method of ['PROPFIND', 'TRACE', 'PATCH']) {
        const res = await t.inject({ method: method as 'GET', url: '/api/v1/tags' });
        expect([404, 405]).toContain(res.statusCode);
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
    });

    it('answers headers that are too large with 431 problem+json on the socket', async () => {
      const answer = await rawRequest(
        t.url,
        `GET /api/v1/tags HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toMatch(/\r\ncontent-type: application\/problem\+json/i);
      expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ status: 431 });
    });

    it('answers a request line too long with 414 or 431 problem+json on the socket', async () => {
      const answer = await rawRequest(
        t.url,
        `GET /api/v1/tags?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 (414|431) /);
      expect(answer).toMatch(/\r\ncontent-type: application\/problem\+json/i);
    });

    it('answers garbage on the socket with 400 problem+json', async () => {
      const answer = await rawRequest(t.url, 'NOT HTTP AT ALL\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/\r\ncontent-type: application\/problem\+json/i);
    });
  });
});
