import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { AccountTokensService } from './account-tokens.service';
import { SessionsService } from './sessions.service';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Hourly purge of refresh tokens, sessions and account tokens that can no longer be used nor
 * matter for reuse detection. Runs where queue workers run (the worker in full mode); the
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
    await this.accountTokens.purgeExpired();
  }
}
