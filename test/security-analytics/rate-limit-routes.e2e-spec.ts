import { bearer, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe.each(testModes())('named route limits (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { RATE_LIMIT_ROUTES: 'true' } });
  });
  afterAll(() => t?.close());

  it('auth endpoints: 5 per minute per anonymous address, then 429 with Retry-After', async () => {
    const login = (i: number, remoteAddress: string) =>
      t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        // A different unknown account each time: the per-account lockout never starts.
        payload: { email: `nobody${i}@example.test`, password: 'wrong-password-123' },
      });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await login(i, '198.51.100.10')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await login(9, '198.51.100.10');
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      status: 429,
      type: 'https://nexus.dev/problems/rate-limited',
    });
    // Another address is counted apart.
    expect((await login(10, '198.51.100.11')).statusCode).toBe(401);
    const metrics = await t.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/nexus_requests_rate_limited_total\{limit="auth"\} [1-9]/);
  });

  it('forgot-password: per target email as well as per address (no mail bombing from many IPs)', async () => {
    const forgot = (remoteAddress: string, email: string) =>
      t.inject({
        method: 'POST',
        url: '/api/v1/auth/password/forgot',
        remoteAddress,
        payload: { email },
      });
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push((await forgot(`203.0.113.${i + 1}`, 'Target@Example.test')).statusCode);
    expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    // The same addresses may still ask for another target.
    expect((await forgot('203.0.113.1', 'other@example.test')).statusCode).toBe(202);
  });

  it('writes: 30 per minute per user', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await t.inject({
        method: i % 2 ? 'DELETE' : 'POST',
        url: `/api/v1/users/${b.username}/follow`,
        headers: bearer(a.accessToken),
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c < 300)).toBe(true);
    expect(codes[30]).toBe(429);
    // Other users are not affected; reads are not counted.
    expect(
      (
        await t.inject({
          method: 'POST',
          url: `/api/v1/users/${a.username}/follow`,
          headers: bearer(b.accessToken),
        })
      ).statusCode,
    ).toBeLessThan(300);
  });
});
