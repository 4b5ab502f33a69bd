import { Injectable } from '@nestjs/common';
import { Limiter, ProblemException, RateLimitService } from '@nexus/core';

/** Failed logins allowed per (account, IP) in the window before a cool-off starts. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Per IP (all accounts): higher, because many people can share one address (NAT, offices). */
export const LOGIN_MAX_FAILURES_PER_IP = 50;
/** First cool-off; each further lockout within a day doubles it, up to the cap. */
export const LOGIN_BASE_COOL_OFF_SECONDS = 60;
export const LOGIN_MAX_COOL_OFF_SECONDS = 24 * 3600;

/**
 * Brute-force protection for login, on core's shared rate-limit storage (Redis in full mode, so
 * all api instances count together). Failures are counted per (account, IP) and per IP; reaching
 * a limit blocks the key for a cool-off that doubles with each lockout in the last 24 h. A success
 * clears the (account, IP) counters — not the per-IP one, or an attacker could interleave logins
 * to an account of their own to keep guessing.
 */
@Injectable()
export class LoginProtection {
  private readonly perAccountIp: Limiter;
  private readonly perIp: Limiter;
  private readonly strikes: Limiter;

  constructor(limits: RateLimitService) {
    this.perAccountIp = limits.create({
      keyPrefix: 'users:login:account-ip',
      points: LOGIN_MAX_FAILURES,
      durationSeconds: LOGIN_WINDOW_SECONDS,
    });
    this.perIp = limits.create({
      keyPrefix: 'users:login:ip',
      points: LOGIN_MAX_FAILURES_PER_IP,
      durationSeconds: LOGIN_WINDOW_SECONDS,
    });
    this.strikes = limits.create({
      keyPrefix: 'users:login:strikes',
      points: 1_000,
      durationSeconds: 24 * 3600,
    });
  }

  /** Throws 429 with Retry-After while either key is cooling off. */
  async assertAllowed(account: string, ip: string): Promise<void> {
    const [pair, address] = await Promise.all([
      this.perAccountIp.peek(this.key(account, ip)),
      this.perIp.peek(ip),
    ]);
    const waitMs = Math.max(
      pair.allowed ? 0 : pair.retryAfterMs,
      address.allowed ? 0 : address.retryAfterMs,
    );
    if (!pair.allowed || !address.allowed) throw tooManyAttempts(waitMs);
  }

  /** Counts a failure; returns true when this failure started a cool-off. */
  async recordFailure(account: string, ip: string): Promise<boolean> {
    const pairKey = this.key(account, ip);
    const [pair, address] = await Promise.all([
      this.perAccountIp.consume(pairKey),
      this.perIp.consume(ip),
    ]);
    let locked = false;
    if (!pair.allowed || pair.remaining === 0) {
      await this.perAccountIp.block(pairKey, await this.coolOff(`a:${pairKey}`));
      locked = true;
    }
    if (!address.allowed || address.remaining === 0) {
      await this.perIp.block(ip, await this.coolOff(`i:${ip}`));
      locked = true;
    }
    return locked;
  }

  async recordSuccess(account: string, ip: string): Promise<void> {
    const pairKey = this.key(account, ip);
    await Promise.all([this.perAccountIp.reset(pairKey), this.strikes.reset(`a:${pairKey}`)]);
  }

  private async coolOff(strikeKey: string): Promise<number> {
    const strike = await this.strikes.consume(strikeKey);
    const count = Math.max(1, strike.limit - strike.remaining);
    return Math.min(
      LOGIN_MAX_COOL_OFF_SECONDS,
      LOGIN_BASE_COOL_OFF_SECONDS * 2 ** Math.min(count - 1, 20),
    );
  }

  private key(account: string, ip: string): string {
    return `${account}|${ip}`;
  }
}

export function tooManyAttempts(waitMs: number): ProblemException {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ProblemException({
    status: 429,
    type: 'too-many-attempts',
    title: 'Too many failed attempts',
    detail: `Too many failed login attempts. Try again in ${seconds} seconds.`,
    headers: { 'retry-after': String(seconds) },
    extensions: { retryAfterSeconds: seconds },
  });
}
