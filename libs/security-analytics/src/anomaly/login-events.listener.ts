import { Inject, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { APP_CONFIG, type AppConfig, type DomainEventMeta } from '@nexus/core';
import { USERS_EVENTS, UserLoggedInEvent, UserLoginFailedEvent } from '@nexus/users';
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { LoginEventsRepository } from './login-events.repository';

/**
 * Records logins and failed logins with their address for the credential-stuffing and
 * impossible-travel rules. Deduplicated on the event id: a repeated delivery adds nothing. The
 * identifier submitted on a failed login is kept as a keyed hash only (HMAC-SHA256 under a key
 * derived from JWT_SECRET): equal identifiers give equal hashes, so distinct ones can be counted,
 * and a leaked table does not give the addresses tried, nor can they be confirmed by hashing a
 * guess without the key.
 */
@Injectable()
export class LoginEventsListener {
  private readonly logger = new Logger(LoginEventsListener.name);

  private readonly key: Buffer;

  constructor(
    private readonly repository: LoginEventsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.jwtSecret).update('nexus login identifier').digest();
  }

  /** 128 bits of HMAC: collisions between identifiers tried from one address are negligible. */
  private hash(identifier: string): string | null {
    if (!identifier) return null;
    return createHmac('sha256', this.key).update(identifier).digest('base64url').slice(0, 22);
  }

  @OnEvent(USERS_EVENTS.loginFailed)
  async onFailed(e: UserLoginFailedEvent, meta: DomainEventMeta): Promise<void> {
    await this.record(meta, e.ip, e.userId, false, this.hash(e.identifier));
  }

  @OnEvent(USERS_EVENTS.loggedIn)
  async onLoggedIn(e: UserLoggedInEvent, meta: DomainEventMeta): Promise<void> {
    await this.record(meta, e.ip, e.userId, true);
  }

  private async record(
    meta: DomainEventMeta,
    ip: string,
    userId: string | null,
    success: boolean,
    identifierHash: string | null = null,
  ) {
    if (!meta || !isIP(ip)) return;
    try {
      await this.repository.insert([
        { eventId: meta.eventId, at: meta.occurredAt, ip, userId, success, identifierHash },
      ]);
    } catch (e) {
      this.logger.warn(`login event not recorded: ${(e as Error).message}`);
    }
  }
}
