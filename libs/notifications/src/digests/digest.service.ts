import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  BullJobQueue,
  InjectJobQueue,
  JobQueue,
  QueueRegistry,
} from '@nexus/core';
import { UserDirectory } from '@nexus/users';
import { describe as describeNotification, NotificationMail } from '../mail/notification-mail';
import { NOTIFICATION_TYPES, NotificationType } from '../notification.types';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { PreferencesService } from '../preferences/preferences.service';
import { DigestsRepository } from './digests.repository';

export type DigestPeriod = 'daily' | 'weekly';

export interface DigestJob {
  period: DigestPeriod;
  /**
   * `YYYY-MM-DD` (UTC): the day, or the Monday of the week, the digest is for. Absent in the jobs
   * of the BullMQ job schedulers (their data is fixed): the period the job runs in.
   */
  periodStart?: string;
}

/**
 * Full mode: one BullMQ job scheduler per period, declared by every worker (an upsert: one
 * scheduler whoever declares it, so each run happens once, on one worker). 00:05 UTC, daily and
 * on Mondays: the digest of the day or week that just ended.
 */
export const DIGEST_SCHEDULES: { id: string; period: DigestPeriod; pattern: string }[] = [
  { id: 'notifications:digest:daily', period: 'daily', pattern: '5 0 * * *' },
  { id: 'notifications:digest:weekly', period: 'weekly', pattern: '5 0 * * 1' },
];

const PAGE = 500;
const ITEMS = 50;
const DAY_MS = 86_400_000;

/** The period a moment falls in: its UTC day, or the Monday of its UTC week. */
export function periodStartOf(period: DigestPeriod, at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (period === 'weekly') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * Daily and weekly digests of unread notifications for users who chose one. Full mode: BullMQ job
 * schedulers (`DIGEST_SCHEDULES`); embedded mode: a timer queues one job per period (job id per
 * period) in the in-process queue. The job sends each subscriber the unread notifications of the
 * period before. Once per user and period however often it runs and whoever runs it: the email's
 * idempotency key is (user, period, start), and `notification_digests` records the digests sent so
 * a rerun skips them without rendering.
 */
@Injectable()
export class DigestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly digests: DigestsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly preferences: PreferencesService,
    private readonly directory: UserDirectory,
    private readonly mail: NotificationMail,
    @InjectJobQueue('notifications') private readonly queue: JobQueue<DigestJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: QueueRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    const raw = this.registry.raw('notifications');
    if (raw instanceof BullJobQueue) {
      for (const s of DIGEST_SCHEDULES) {
        await raw.queue
          .upsertJobScheduler(
            s.id,
            { pattern: s.pattern, tz: 'UTC' },
            {
              name: 'digest',
              data: { payload: { period: s.period } satisfies DigestJob },
              opts: { removeOnComplete: 100, removeOnFail: 100 },
            },
          )
          .catch((e: Error) => this.logger.warn(`digest schedule ${s.id}: ${e.message}`));
      }
      return;
    }
    const every = this.config.notificationsDigestCheckMs;
    if (every <= 0) return;
    const tick = () =>
      this.schedule(new Date()).catch((e: Error) =>
        this.logger.warn(`digest schedule: ${e.message}`),
      );
    this.timer = setInterval(tick, every);
    this.timer.unref();
    void tick();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Queues the current period's daily and weekly runs (deduplicated by job id). */
  async schedule(now: Date): Promise<void> {
    for (const period of ['daily', 'weekly'] as const) {
      const periodStart = periodStartOf(period, now);
      await this.queue.add(
        'digest',
        { period, periodStart },
        { jobId: `digest-${period}-${periodStart}` },
      );
    }
  }

  /** Sends the period's digests; returns how many were sent by this run. */
  async run(job: DigestJob, now = new Date()): Promise<number> {
    // A scheduler's job carries no date: it is for the period it runs in (00:05 of its first day).
    const periodStart = job.periodStart ?? periodStartOf(job.period, now);
    const start = new Date(`${periodStart}T00:00:00Z`);
    const since = new Date(start.getTime() - (job.period === 'daily' ? DAY_MS : 7 * DAY_MS));
    let sent = 0;
    let after: string | null = null;
    for (;;) {
      const users = await this.preferences.digestSubscribers(job.period, after, PAGE);
      if (!users.length) break;
      after = users[users.length - 1];
      const wanted = new Map<string, NotificationType[]>();
      for (const type of NOTIFICATION_TYPES) {
        for (const [user, s] of await this.preferences.resolve(users, type))
          if (s.digest) wanted.set(user, [...(wanted.get(user) ?? []), type]);
      }
      const contacts = await this.directory.contacts(users);
      for (const userId of users) {
        const to = contacts.get(userId);
        const types = wanted.get(userId) ?? [];
        if (!to || !to.emailVerified || to.suspended || !types.length) continue;
        if (await this.digests.sent(userId, job.period, periodStart)) continue;
        const items = await this.notifications.unreadSince(userId, since, types, ITEMS, start);
        if (!items.length) continue;
        await this.mail.digest(
          to,
          job.period,
          items.map((n) => describeNotification(n.type, n.data).line),
          `digest:${userId}:${job.period}:${periodStart}`,
        );
        if (await this.digests.claim(userId, job.period, periodStart, items.length)) sent++;
      }
      if (users.length < PAGE) break;
    }
    return sent;
  }
}
