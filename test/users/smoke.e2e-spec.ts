import { ADMIN_ENV, bearer, makeRole, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

describe.each(testModes())('users smoke (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
  });
  afterAll(() => t?.close());

  it('registers, verifies, logs in and promotes', async () => {
    const u = await registerUser(t);
    const me = await t.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(u.accessToken) });
    expect(me.json()).toMatchObject({ id: u.id, email: u.email, emailVerified: true, role: 'user' });
    await makeRole(t, u.id, 'moderator');
    const after = await t.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(u.accessToken) });
    expect(after.json().role).toBe('moderator');
  });
});
