import { AppConfig, RateLimitService, RedisService } from '@nexus/core';
import { ProblemException } from '@nexus/core';
import {
  LOGIN_BASE_COOL_OFF_SECONDS,
  LOGIN_MAX_FAILURES,
  LoginProtection,
} from './login-protection.service';

/** In-memory limits (embedded mode): no Redis client. */
function protection(): LoginProtection {
  const config = { redisPrefix: 'unit' } as AppConfig;
  const limits = new RateLimitService(config, { client: undefined } as unknown as RedisService);
  return new LoginProtection(limits);
}

async function retryAfterOf(
  p: LoginProtection,
  account: string,
  ip: string,
): Promise<number | undefined> {
  try {
    await p.assertAllowed(account, ip);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemException);
    expect((e as ProblemException).getStatus()).toBe(429);
    return Number((e as ProblemException).headers!['retry-after']);
  }
}

describe('LoginProtection', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('allows N-1 failures, locks at the Nth, and doubles the cool-off on the next lockout', async () => {
    const p = protection();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) {
      expect(await p.recordFailure('acct', '10.0.0.1')).toBe(false);
      expect(await retryAfterOf(p, 'acct', '10.0.0.1')).toBeUndefined();
    }
    expect(await p.recordFailure('acct', '10.0.0.1')).toBe(true);
    expect(await retryAfterOf(p, 'acct', '10.0.0.1')).toBe(LOGIN_BASE_COOL_OFF_SECONDS);
    // Another IP and another account are not affected.
    expect(await retryAfterOf(p, 'acct', '10.0.0.2')).toBeUndefined();
    expect(await retryAfterOf(p, 'other', '10.0.0.1')).toBeUndefined();

    jest.advanceTimersByTime((LOGIN_BASE_COOL_OFF_SECONDS + 1) * 1000);
    expect(await retryAfterOf(p, 'acct', '10.0.0.1')).toBeUndefined();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await p.recordFailure('acct', '10.0.0.1');
    expect(await retryAfterOf(p, 'acct', '10.0.0.1')).toBe(2 * LOGIN_BASE_COOL_OFF_SECONDS);

    jest.advanceTimersByTime((2 * LOGIN_BASE_COOL_OFF_SECONDS + 1) * 1000);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await p.recordFailure('acct', '10.0.0.1');
    expect(await retryAfterOf(p, 'acct', '10.0.0.1')).toBe(4 * LOGIN_BASE_COOL_OFF_SECONDS);
  });

  it('a success resets the (account, IP) count and the escalation', async () => {
    const p = protection();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await p.recordFailure('acct', '10.0.0.1');
    jest.advanceTimersByTime((LOGIN_BASE_COOL_OFF_SECONDS + 1) * 1000);
    await p.recordSuccess('acct', '10.0.0.1');
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await p.recordFailure('acct', '10.0.0.1');
    expect(await retryAfterOf(p, 'acct', '10.0.0.1')).toBeUndefined();
    await p.recordFailure('acct', '10.0.0.1');
    // Back to the first cool-off, not the doubled one.
    expect(await retryAfterOf(p, 'acct', '10.0.0.1')).toBe(LOGIN_BASE_COOL_OFF_SECONDS);
  });
});
