import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { DomainEventMeta } from '@nexus/core';
import { USERS_EVENTS, UserLoggedInEvent, UserLoginFailedEvent } from '@nexus/users';
import { isIP } from 'node:net';
import { LoginEventsRepository } from './login-events.repository';

/**
 * Records logins and failed logins with their address for the credential-stuffing and
 * impossible-travel rules. Deduplicated on the event id: a repeated delivery adds nothing.
 */
@Injectable()
export class LoginEventsListener {
  private readonly logger = new Logger(LoginEventsListener.name);

  constructor(private readonly repository: LoginEventsRepository) {}

  @OnEvent(USERS_EVENTS.loginFailed)
  async onFailed(e: UserLoginFailedEvent, meta: DomainEventMeta): Promise<void> {
    await this.record(meta, e.ip, e.userId, false);
  }

  @OnEvent(USERS_EVENTS.loggedIn)
  async onLoggedIn(e: UserLoggedInEvent, meta: DomainEventMeta): Promise<void> {
    await this.record(meta, e.ip, e.userId, true);
  }

  private async record(meta: DomainEventMeta, ip: string, userId: string | null, success: boolean) {
    if (!meta || !isIP(ip)) return;
    try {
      await this.repository.insert([
        { eventId: meta.eventId, at: meta.occurredAt, ip, userId, success },
      ]);
    } catch (e) {
      this.logger.warn(`login event not recorded: ${(e as Error).message}`);
    }
  }
}
