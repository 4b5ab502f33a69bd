import { ADMIN_ENV, bearer, makeRole, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

describe.each(testModes())('users module wiring (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
  });
  afterAll(() => t?.close());

  it('registers, verifies, logs in and promotes', async () => {
    const u = await registerUser(t);
    const me = await t.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(u.accessToken),
    });
    expect(me.json()).toMatchObject({
      id: u.id,
      email: u.email,
      emailVerified: true,
      role: 'user',
    });
    await makeRole(t, u.id, 'moderator');
    const after = await t.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(u.accessToken),
    });
    expect(after.json().role).toBe('moderator');
  });

  it('documents every users endpoint in OpenAPI, with bodies and problem responses', async () => {
    const spec = (await t.inject('/docs-json')).json();
    const expected: [string, string][] = [
      ['post', '/api/v1/auth/register'],
      ['post', '/api/v1/auth/verify-email'],
      ['post', '/api/v1/auth/login'],
      ['post', '/api/v1/auth/refresh'],
      ['post', '/api/v1/auth/logout'],
      ['post', '/api/v1/auth/logout-all'],
      ['post', '/api/v1/auth/password/forgot'],
      ['post', '/api/v1/auth/password/reset'],
      ['get', '/api/v1/users/me'],
      ['patch', '/api/v1/users/me'],
      ['delete', '/api/v1/users/me'],
      ['post', '/api/v1/users/me/password'],
      ['get', '/api/v1/users/me/sessions'],
      ['delete', '/api/v1/users/me/sessions/{sessionId}'],
      ['get', '/api/v1/users/{username}'],
      ['post', '/api/v1/users/{username}/follow'],
      ['delete', '/api/v1/users/{username}/follow'],
      ['get', '/api/v1/users/{username}/followers'],
      ['get', '/api/v1/users/{username}/following'],
      ['get', '/api/v1/admin/users'],
      ['patch', '/api/v1/admin/users/{id}'],
    ];
    for (const [method, path] of expected) {
      const op = spec.paths[path]?.[method];
      expect({ path, method, documented: !!op }).toEqual({ path, method, documented: true });
      const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      expect(errors.length).toBeGreaterThan(0);
      for (const status of errors)
        expect(Object.keys(op.responses[status].content ?? {})).toContain(
          'application/problem+json',
        );
    }
    const login = spec.paths['/api/v1/auth/login'].post;
    expect(Object.keys(login.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '429']),
    );
    expect(spec.components.schemas.RegisterDto.required).toEqual([
      'email',
      'username',
      'password',
      'displayName',
    ]);
    expect(spec.components.schemas.TokenPairDto.properties.tokenType.enum).toEqual(['Bearer']);
  });
});
