import { Injectable } from '@nestjs/common';
import { InjectJobQueue, JobQueue } from '@nexus/core';
import { GeoLookup } from '@nexus/security-analytics';
import { NotificationsService } from '../notifications/notifications.service';
import { LoginCountriesRepository } from './login-countries.repository';

/** A sign-in to locate: its address, and its country when the event already knew it. */
export interface LoginCountryJob {
  userId: string;
  ip: string;
  country: string | null;
  eventId: string;
}

export type LoginCountryOutcome = 'unlocated' | 'first' | 'known' | 'notified';

/**
 * "Sign-in from a new country": locates the address (security-analytics' geo lookup, in memory,
 * where queue workers run — never on the login request) and notifies the account when the
 * country is new for it. The first located sign-in ever is no news; an address that cannot be
 * located (private, unknown, geo database off) changes nothing.
 */
@Injectable()
export class LoginCountryNotices {
  constructor(
    private readonly geo: GeoLookup,
    private readonly countries: LoginCountriesRepository,
    private readonly notifications: NotificationsService,
    @InjectJobQueue('notifications') private readonly queue: JobQueue<LoginCountryJob>,
  ) {}

  /**
   * Queues the check (job name `login-country`), once per event. A failed add fails the caller —
   * the outbox listener — which the outbox retries.
   */
  async locateLater(job: LoginCountryJob): Promise<void> {
    await this.queue.add('login-country', job, { jobId: `login-country-${job.eventId}` });
  }

  async check(job: LoginCountryJob): Promise<LoginCountryOutcome> {
    const country = (job.country ?? this.geo.lookup(job.ip).country)?.toUpperCase();
    if (!country) return 'unlocated';
    const seen = await this.countries.seen(job.userId, country);
    if (seen.country) return 'known';
    if (seen.any) {
      await this.notifications.deliver([
        {
          recipientId: job.userId,
          type: 'security.new_country',
          actorId: null,
          subjectType: 'user',
          subjectId: job.userId,
          data: { country, ip: job.ip },
          sourceEventId: job.eventId,
          dedupKey: job.eventId,
        },
      ]);
    }
    // After the notice: a crash in between repeats the notice's (deduplicated) write, never skips it.
    await this.countries.remember(job.userId, country);
    return seen.any ? 'notified' : 'first';
  }

  deleteForUser(userId: string): Promise<void> {
    return this.countries.deleteForUser(userId);
  }
}
