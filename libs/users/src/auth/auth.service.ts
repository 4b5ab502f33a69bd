import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  DomainEvents,
  fieldProblem,
  Limiter,
  ProblemException,
  RateLimitService,
} from '@nexus/core';
import { DataSource } from 'typeorm';
import {
  RefreshTokenReuseDetectedEvent,
  USERS_EVENTS,
  UserEmailVerifiedEvent,
  UserLoggedInEvent,
  UserLoginFailedEvent,
  UserPasswordChangedEvent,
  UserRegisteredEvent,
  UserSessionsRevokedEvent,
} from '../events/users.events';
import { normalizeEmail, normalizeUsername } from '../users/usernames';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { ACCOUNT_TOKEN_TTL_SECONDS, AccountTokensService } from './account-tokens.service';
import { AuthStateCache } from './auth-state.cache';
import { LoginProtection, tooManyAttempts, tooManyRequests } from './login-protection.service';
import { PasswordHasher } from './password-hasher.service';
import { passwordProblem } from './password-policy';
import { SessionMeta, SessionsService, TokenPair } from './sessions.service';
import { UsersMailer } from './users-mailer.service';

export interface RegisterInput {
  email: string;
  username: string;
  password: string;
  displayName: string;
}

/** The one answer to register and forgot-password, whatever happened behind it. */
export const ACCEPTED_MESSAGE =
  'If the details are valid, we have sent an email with the next step.';

const invalidCredentials = () =>
  new ProblemException({
    status: 401,
    type: 'invalid-credentials',
    title: 'Invalid credentials',
    detail: 'The email/username or password is incorrect.',
  });

const invalidRefreshToken = () =>
  new ProblemException({
    status: 401,
    type: 'invalid-refresh-token',
    title: 'Invalid refresh token',
    detail: 'The refresh token is invalid, expired or revoked. Log in again.',
  });

const invalidAccountToken = (what: string) =>
  new ProblemException({
    status: 400,
    type: 'invalid-token',
    title: 'Invalid or expired token',
    detail: `The ${what} token is invalid, expired or already used.`,
  });

/**
 * Registration, verification, login, refresh rotation, logout and password recovery. Answers that
 * could reveal whether an email is registered (register, forgot) are identical either way, and the
 * work whose cost differs (emails) runs after the answer is sent.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly forgotPerIp: Limiter;
  private readonly forgotPerEmail: Limiter;
  private readonly resendPerUser: Limiter;
  private readonly duplicateNoticePerEmail: Limiter;
  private readonly registerPerIp: Limiter;
  private readonly registerGlobal: Limiter;
  private readonly verificationPerEmail: Limiter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly accountTokens: AccountTokensService,
    private readonly hasher: PasswordHasher,
    private readonly protection: LoginProtection,
    private readonly mailer: UsersMailer,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
    limits: RateLimitService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.forgotPerIp = limits.create({
      keyPrefix: 'users:forgot:ip',
      points: 20,
      durationSeconds: 15 * 60,
    });
    // Beyond this, requests for one address are accepted but send nothing (no mail bombing).
    this.forgotPerEmail = limits.create({
      keyPrefix: 'users:forgot:email',
      points: 3,
      durationSeconds: 3600,
    });
    this.resendPerUser = limits.create({
      keyPrefix: 'users:verify-resend',
      points: 3,
      durationSeconds: 3600,
    });
    this.duplicateNoticePerEmail = limits.create({
      keyPrefix: 'users:register-taken',
      points: 3,
      durationSeconds: 3600,
    });
    this.registerPerIp = limits.create({
      keyPrefix: 'users:register:ip',
      points: config.registerLimitPerIp,
      durationSeconds: 3600,
    });
    this.registerGlobal = limits.create({
      keyPrefix: 'users:register:all',
      points: config.registerLimitGlobal,
      durationSeconds: 3600,
    });
    // Verification emails to one address, whoever asks (register, resend): no mail bombing.
    this.verificationPerEmail = limits.create({
      keyPrefix: 'users:verify-mail',
      points: 3,
      durationSeconds: 3600,
    });
  }

  /**
   * Creates an unverified account and emails a verification token. A taken username is a 409
   * (usernames are public anyway); a taken email gets the same 202 as a new one, and its owner an
   * email saying someone tried to sign up — so the endpoint cannot be used to test addresses.
   * The username is reserved for the verification window on both paths, and unverified accounts
   * have no public profile, so nothing observable afterwards depends on the email either.
   */
  async register(input: RegisterInput, ip: string): Promise<void> {
    // Counted before any work, on both paths alike (a 429 says nothing about the email).
    await this.consumeOrRefuse(this.registerPerIp, ip, 'registrations from your network');
    await this.consumeOrRefuse(this.registerGlobal, 'all', 'registrations right now');
    const email = normalizeEmail(input.email);
    const username = normalizeUsername(input.username);
    const displayName = input.displayName.trim();
    // Hash first, on every path, so a 409 or a silent duplicate costs what a success costs.
    const passwordHash = await this.hasher.hash(input.password);
    const created = await this.dataSource.transaction(async (em) => {
      const reserved = await this.usersRepository.reserveUsername(
        username,
        ACCOUNT_TOKEN_TTL_SECONDS['verify-email'],
        em,
      );
      if (!reserved) throw conflictUsername();
      const user = await this.usersRepository.insert(
        { email, username, displayName, passwordHash, role: 'user', emailVerified: false },
        em,
      );
      if (!user) {
        if (await this.usersRepository.usernameTaken(username, em)) throw conflictUsername();
        // The email is taken: no account, but the reservation commits as an account would.
        return undefined;
      }
      const token = await this.accountTokens.issue(user.id, 'verify-email', em);
      const registered = await this.events.emitInTransaction(
        em,
        USERS_EVENTS.registered,
        new UserRegisteredEvent(user.id, email, username),
        { aggregateId: user.id },
      );
      return { token, registered };
    });
    // Emails and listeners run after the answer: their cost differs between the two paths.
    if (created) {
      const { token, registered } = created;
      this.background('verification email', async () => {
        if (!(await this.verificationPerEmail.consume(email)).allowed) return;
        await this.mailer.verifyEmail(email, displayName, token.token, token.id);
      });
      this.background('registered event', () => this.events.deliver(registered));
    } else {
      this.background('already-registered email', async () => {
        const owner = await this.users.findForLogin(email);
        if (!owner || !(await this.duplicateNoticePerEmail.consume(email)).allowed) return;
        await this.mailer.alreadyRegistered(owner.email, owner.displayName);
      });
    }
  }

  async verifyEmail(token: string): Promise<void> {
    const verified = await this.dataSource.transaction(async (em) => {
      const id = await this.accountTokens.consume(token, 'verify-email', em);
      if (!id) return undefined;
      await this.usersRepository.markEmailVerified(id, em);
      const event = await this.events.emitInTransaction(
        em,
        USERS_EVENTS.emailVerified,
        new UserEmailVerifiedEvent(id),
        { aggregateId: id },
      );
      return { id, event };
    });
    if (!verified) throw invalidAccountToken('verification');
    await this.cache.evictUser(verified.id);
    await this.events.deliver(verified.event);
  }

  /** Sends a fresh verification email to the caller (a few per hour at most). */
  async resendVerification(userId: string): Promise<void> {
    const me = await this.users.getMe(userId);
    if (me.emailVerified) {
      throw new ProblemException({
        status: 409,
        type: 'already-verified',
        title: 'Email already verified',
      });
    }
    const allowed = await this.resendPerUser.consume(userId);
    if (!allowed.allowed) throw tooManyAttempts(allowed.retryAfterMs);
    const perEmail = await this.verificationPerEmail.consume(me.email);
    if (!perEmail.allowed) throw tooManyAttempts(perEmail.retryAfterMs);
    const token = await this.accountTokens.issue(userId, 'verify-email');
    await this.mailer.verifyEmail(me.email, me.displayName, token.token, token.id);
  }

  async login(identifier: string, password: string, meta: SessionMeta): Promise<TokenPair> {
    const account = await this.users.findForLogin(identifier);
    const submitted = identifier.trim().toLowerCase();
    const accountKey = account?.id ?? submitted;
    try {
      await this.protection.assertAllowed(accountKey, meta.ip);
    } catch (e) {
      await this.events.emit(
        USERS_EVENTS.loginFailed,
        new UserLoginFailedEvent(meta.ip, account?.id ?? null, 'locked-out', submitted),
      );
      throw e;
    }
    const ok = account
      ? await this.hasher.verify(account.passwordHash, password)
      : await this.hasher.verifyDummy(password);
    if (!account || !ok) {
      await this.protection.recordFailure(accountKey, meta.ip);
      await this.events.emit(
        USERS_EVENTS.loginFailed,
        new UserLoginFailedEvent(meta.ip, account?.id ?? null, 'bad-credentials', submitted),
      );
      throw invalidCredentials();
    }
    if (account.suspended) {
      await this.events.emit(
        USERS_EVENTS.loginFailed,
        new UserLoginFailedEvent(meta.ip, account.id, 'suspended', submitted),
      );
      throw new ProblemException({
        status: 403,
        type: 'account-suspended',
        title: 'Account suspended',
        detail: 'This account is suspended. Contact support if you think this is a mistake.',
      });
    }
    await this.protection.recordSuccess(accountKey, meta.ip);
    if (this.hasher.needsRehash(account.passwordHash)) {
      this.background('password rehash', async () =>
        this.users.rehashPassword(
          account.id,
          account.passwordHash,
          await this.hasher.hash(password),
        ),
      );
    }
    const { tokens } = await this.events.transaction(async (em) => {
      const session = await this.sessions.start(account.id, meta, em);
      await this.events.emitInTransaction(
        em,
        USERS_EVENTS.loggedIn,
        new UserLoggedInEvent(account.id, meta.ip, null),
        { aggregateId: account.id },
      );
      return session;
    });
    return tokens;
  }

  async refresh(refreshToken: string, ip: string): Promise<TokenPair> {
    const result = await this.sessions.rotate(refreshToken);
    if (result.ok) return result.tokens;
    if (result.reason === 'reuse' && result.userId && result.sessionId) {
      this.logger.warn(
        { userId: result.userId, sessionId: result.sessionId, ip },
        'refresh token reuse: session revoked',
      );
      await this.events.emit(
        USERS_EVENTS.refreshReuseDetected,
        new RefreshTokenReuseDetectedEvent(result.userId, result.sessionId, ip),
      );
    }
    throw invalidRefreshToken();
  }

  /** Ends the session the refresh token belongs to; unknown tokens are accepted silently. */
  async logout(refreshToken: string): Promise<void> {
    await this.sessions.revokeByRefreshToken(refreshToken);
  }

  async logoutAll(userId: string): Promise<void> {
    await this.events.transaction(async (em) => {
      await this.sessions.revokeAll(userId, 'logout-all', undefined, em);
      await this.events.emitInTransaction(
        em,
        USERS_EVENTS.sessionsRevoked,
        new UserSessionsRevokedEvent(userId, 'logout-all'),
        { aggregateId: userId },
      );
    });
    await this.cache.evictUser(userId);
  }

  /** Always the same answer; only a known address receives a reset email. */
  async forgotPassword(email: string, ip: string): Promise<void> {
    const perIp = await this.forgotPerIp.consume(ip);
    if (!perIp.allowed) throw tooManyAttempts(perIp.retryAfterMs);
    const normalized = normalizeEmail(email);
    this.background('password reset email', async () => {
      const account = await this.users.findForLogin(normalized);
      if (!account || account.email !== normalized) return;
      const perEmail = await this.forgotPerEmail.consume(normalized);
      if (!perEmail.allowed) return;
      const token = await this.accountTokens.issue(account.id, 'password-reset');
      await this.mailer.passwordReset(account.email, account.displayName, token.token, token.id);
    });
  }

  /** Sets a new password from a reset token and signs every session out. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    const outcome = await this.dataSource.transaction(async (em) => {
      const user = await this.accountTokens.holderOf(token, 'password-reset', em);
      if (!user) return undefined;
      const problem = passwordProblem(newPassword, user);
      if (problem) return { problem };
      await this.accountTokens.consume(token, 'password-reset', em);
      await this.users.setPasswordHash(user.id, passwordHash, em);
      // Whoever reset it controls the mailbox: treat the address as verified.
      await this.usersRepository.markEmailVerified(user.id, em);
      await this.sessions.revokeAll(user.id, 'password-reset', undefined, em);
      const event = await this.events.emitInTransaction(
        em,
        USERS_EVENTS.passwordChanged,
        new UserPasswordChangedEvent(user.id, 'reset'),
        { aggregateId: user.id },
      );
      return { user, event };
    });
    if (!outcome) throw invalidAccountToken('reset');
    if ('problem' in outcome) throw fieldProblem('newPassword', outcome.problem!);
    const user = outcome.user!;
    await this.cache.evictUser(user.id);
    this.background('password changed email', () =>
      this.mailer.passwordChanged(user.email, user.displayName),
    );
    await this.events.deliver(outcome.event);
  }

  /** Changes the caller's password; other sessions are signed out, the current one stays. */
  async changePassword(
    userId: string,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const account = await this.users.findLoginRecordById(userId);
    if (!account) throw invalidCredentials();
    await this.protection.assertAllowed(account.id, ip);
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
      await this.protection.recordFailure(account.id, ip);
      throw fieldProblem('currentPassword', 'current password is incorrect');
    }
    const problem = passwordProblem(newPassword, account);
    if (problem) throw fieldProblem('newPassword', problem);
    if (await this.hasher.verify(account.passwordHash, newPassword)) {
      throw fieldProblem('newPassword', 'new password must differ from the current one');
    }
    const passwordHash = await this.hasher.hash(newPassword);
    const changed = await this.dataSource.transaction(async (em) => {
      await this.users.setPasswordHash(userId, passwordHash, em);
      await this.sessions.revokeAll(userId, 'password-change', sessionId, em);
      return this.events.emitInTransaction(
        em,
        USERS_EVENTS.passwordChanged,
        new UserPasswordChangedEvent(userId, 'change'),
        { aggregateId: userId },
      );
    });
    await this.cache.evictUser(userId);
    this.background('password changed email', () =>
      this.mailer.passwordChanged(account.email, account.displayName),
    );
    await this.events.deliver(changed);
  }

  /** Takes a point from `limiter` for `key`, or refuses with 429 + Retry-After. */
  private async consumeOrRefuse(limiter: Limiter, key: string, what: string): Promise<void> {
    const result = await limiter.consume(key);
    if (!result.allowed) {
      throw tooManyRequests(result.retryAfterMs, `Too many ${what}. Try again later.`);
    }
  }

  /** Runs work the response must not wait for (or whose duration would reveal something). */
  private background(what: string, work: () => Promise<void>): void {
    setImmediate(() => {
      work().catch((e: Error) => this.logger.error({ err: e }, `${what} failed`));
    });
  }
}

function conflictUsername(): ProblemException {
  return new ProblemException({
    status: 409,
    type: 'username-taken',
    title: 'Username already taken',
    detail: 'Choose another username.',
  });
}
