import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, InjectJobQueue, JobQueue } from '@nexus/core';
import { UserDirectory } from '@nexus/users';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { FanoutsRepository } from './fanouts.repository';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** A job runs the fan-out from wherever its checkpoint stands. */
export interface FanoutJob {
  eventId: string;
}

/** Rows per multi-row insert (one transaction, one checkpoint). */
export const FANOUT_BATCH = 5_000;
/** Batches per job: 100k followers are a handful of jobs, each a bounded amount of work. */
export const FANOUT_BATCHES_PER_JOB = 5;

/** Deterministic per checkpoint: two runners continuing from one position queue one job. */
export const fanoutJobId = (eventId: string, position: string) => `fanout-${eventId}-${position}`;

/**
 * "New article from an author you follow" for every follower, in batches: each batch reads a
 * keyset page of follower ids, inserts their notifications in one statement and moves the
 * fan-out's checkpoint in the same transaction. A job killed at any point is retried (BullMQ's
 * stalled-job check, or the start-up relay) and resumes at the checkpoint: no gap, and the unique
 * (recipient, event) key makes a replayed batch write nothing twice.
 */
@Injectable()
export class FanoutService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FanoutService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly fanouts: FanoutsRepository,
    private readonly directory: UserDirectory,
    private readonly notifications: NotificationsService,
    @InjectJobQueue(NOTIFICATIONS_QUEUE) private readonly queue: JobQueue<FanoutJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records the fan-out (once per event) and queues its first job. */
  async start(
    eventId: string,
    authorId: string,
    articleId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.fanouts.start(eventId, authorId, articleId, data);
    await this.queue.add('fanout', { eventId }, { jobId: fanoutJobId(eventId, 'start') });
  }

  /** Runs up to FANOUT_BATCHES_PER_JOB batches; queues the next job when followers remain. */
  async run(job: FanoutJob): Promise<'done' | 'continued'> {
    for (let i = 0; i < FANOUT_BATCHES_PER_JOB; i++) {
      if ((await this.batch(job.eventId)) === 'done') return 'done';
    }
    const at = await this.fanouts.find(job.eventId);
    if (!at || at.done) return 'done';
    await this.queue.add(
      'fanout',
      { eventId: job.eventId },
      { jobId: fanoutJobId(job.eventId, at.cursor?.id ?? 'start') },
    );
    return 'continued';
  }

  /** One batch: page of followers → rows → checkpoint, atomically. */
  async batch(eventId: string): Promise<'done' | 'more'> {
    const current = await this.fanouts.find(eventId);
    if (!current || current.done) return 'done';
    const page = await this.directory.followerIds(current.authorId, FANOUT_BATCH, current.cursor);
    const rows = page.ids.map((recipientId) => ({
      recipientId,
      type: 'article.published' as const,
      actorId: current.authorId,
      subjectType: 'article' as const,
      subjectId: current.articleId,
      data: current.data,
      sourceEventId: eventId,
      dedupKey: eventId,
    }));
    // Read outside the transaction (embedded mode has one session), applied only if the
    // checkpoint has not moved meanwhile (another runner of the same fan-out).
    const prepared = await this.notifications.prepare(rows);
    const written = await this.db.transaction(async (em) => {
      const locked = await this.fanouts.lock(eventId, em);
      if (!locked || locked.done || !samePosition(locked.cursor, current.cursor)) return 'moved';
      const result = await this.notifications.writeForRecipients(prepared, em);
      await this.fanouts.advance(eventId, page.next, result.recipients.length, em);
      return result;
    });
    if (written === 'moved') return 'more';
    await this.notifications.announceRecipients(written);
    return page.next ? 'more' : 'done';
  }

  /** In-process queues forget their jobs on restart: pick unfinished fan-outs up again. */
  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.resume().catch((e: Error) => this.logger.warn(`fan-out resume: ${e.message}`));
  }

  async resume(): Promise<number> {
    const ids = await this.fanouts.unfinished(1000);
    for (const eventId of ids) {
      // A fresh id: the job that stopped may still be known to the queue (failed or stalled).
      await this.queue.add(
        'fanout',
        { eventId },
        { jobId: fanoutJobId(eventId, `resume-${Date.now()}`) },
      );
    }
    return ids.length;
  }
}

function samePosition(
  a: { at: string; id: string } | null,
  b: { at: string; id: string } | null,
): boolean {
  return a === b || (!!a && !!b && a.at === b.at && a.id === b.id);
}
