import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainEvents } from '@nexus/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { USERS_EVENTS, UserDeletedEvent } from '../events/users.events';
import { FollowsRepository } from '../follows/follows.repository';
import { UsersRepository } from '../users/users.repository';
import { ACCOUNT_TOKEN_TTL_SECONDS, AccountTokensService } from './account-tokens.service';
import { AuthStateCache } from './auth-state.cache';
import { SessionsService } from './sessions.service';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Hourly purge of refresh tokens, sessions and account tokens that can no longer be used nor
 * matter for reuse detection, of accounts never verified within their window and of expired
 * username reservations. Runs where queue workers run (the worker in full mode); the
 * DELETEs are idempotent, so two processes doing it is harmless.
 */
@Injectable()
export class UsersMaintenance implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsersMaintenance.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly accountTokens: AccountTokensService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly follows: FollowsRepository,
    private readonly authState: AuthStateCache,
    private readonly events: DomainEvents,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.timer = setInterval(() => {
      this.purge().catch((e: Error) => this.logger.warn(`purge failed: ${e.message}`));
    }, PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<void> {
    await this.sessions.purgeExpired();
    await this.purgeUnverified(ACCOUNT_TOKEN_TTL_SECONDS['verify-email']);
    await this.accountTokens.purgeExpired();
  }

  /**
   * Deletes accounts whose verification window ended unverified, as a username reservation
   * expires (docs/users.md, Enumeration); emits `users.user.deleted` for each.
   */
  async purgeUnverified(windowSeconds: number): Promise<number> {
    let purged = 0;
    for (const id of await this.users.unverifiedPastWindow(windowSeconds)) {
      const deleted = await this.dataSource.transaction(async (em) => {
        await this.follows.releaseCountsOf(id, em);
        return this.users.deleteIfUnverified(id, em);
      });
      if (!deleted) continue;
      purged++;
      await this.authState.evictUser(id);
      await this.events.emit(USERS_EVENTS.deleted, new UserDeletedEvent(id));
    }
    await this.users.purgeExpiredReservations();
    return purged;
  }
}
