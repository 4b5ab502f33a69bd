import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainEvents, ProblemException } from '@nexus/core';
import { AuthStateCache } from '../auth/auth-state.cache';
import { PasswordHasher } from '../auth/password-hasher.service';
import { SessionsService } from '../auth/sessions.service';
import { USERS_EVENTS, UserPasswordChangedEvent } from '../events/users.events';
import { normalizeEmail } from '../users/usernames';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';

/**
 * Creates or updates the administrator named by ADMIN_EMAIL / ADMIN_PASSWORD at every start
 * (idempotent): the account exists, is an admin, verified and not suspended, and its password is
 * the configured one. A changed ADMIN_PASSWORD signs the admin's existing sessions out.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly usersRepository: UsersRepository,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail && adminPassword) await this.ensure(adminEmail, adminPassword);
  }

  /** Makes `email` an active, verified admin whose password is `password` (idempotent). */
  async ensure(email: string, password: string): Promise<void> {
    try {
      await this.ensureAdmin(normalizeEmail(email), password);
    } catch (e) {
      // Another process bootstrapping at the same moment created it first: update instead.
      if (!(e instanceof ProblemException) || e.getStatus() !== 409) throw e;
      await this.ensureAdmin(normalizeEmail(email), password);
    }
  }

  private async ensureAdmin(email: string, password: string): Promise<void> {
    const existing = await this.users.findForLogin(email);
    if (!existing) {
      const username = await this.freeUsername('admin');
      await this.users.createUser({
        email,
        username,
        password,
        displayName: 'Administrator',
        role: 'admin',
        emailVerified: true,
      });
      this.logger.log(`Administrator account created (${username})`);
      return;
    }
    const passwordMatches = await this.hasher.verify(existing.passwordHash, password);
    await this.usersRepository.makeActiveAdmin(existing.id);
    if (!passwordMatches) {
      await this.users.setPasswordHash(existing.id, await this.hasher.hash(password));
      await this.sessions.revokeAll(existing.id, 'password-change');
      this.logger.log('Administrator password updated from ADMIN_PASSWORD');
      await this.events.emit(
        USERS_EVENTS.passwordChanged,
        new UserPasswordChangedEvent(existing.id, 'admin-bootstrap'),
      );
    }
    await this.cache.evictUser(existing.id);
  }

  private async freeUsername(base: string): Promise<string> {
    const taken = new Set(await this.usersRepository.usernamesLike(base));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }
}
