import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, InjectJobQueue, JobQueue, KeysetPosition } from '@nexus/core';
import { UserDirectory } from '@nexus/users';
import { DataSource } from 'typeorm';
import { NewNotification } from '../notification.types';
import { NotificationsService, Prepared } from '../notifications/notifications.service';
import { Fanout, FanoutsRepository } from './fanouts.repository';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** A job runs the fan-out from wherever its checkpoint stands. */
export interface FanoutJob {
  eventId: string;
}

/** Rows per multi-row insert (one transaction, one checkpoint). */
export const FANOUT_BATCH = 5_000;
/** Batches per job: 100k followers are a handful of jobs, each a bounded amount of work. */
export const FANOUT_BATCHES_PER_JOB = 5;
/** Batch transactions of one job in flight at once (this is sized for two cores). */
export const FANOUT_PARALLEL = 2;

/** How a batch ended: its rows and checkpoint committed, or the checkpoint was elsewhere. */
type BatchOutcome = 'written' | 'moved' | Error;

/** The checkpoint is not where the batch began: roll the batch back. */
class Moved extends Error {}

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

  /**
   * Runs up to FANOUT_BATCHES_PER_JOB batches, FANOUT_PARALLEL of them at once: the next page is
   * read, and its insert started, while the previous batch's insert is still running (the insert
   * is most of a batch's time, and the database works on two of them on two cores). Queues the
   * next job when followers remain.
   */
  async run(job: FanoutJob): Promise<'done' | 'continued'> {
    const { eventId } = job;
    const current = await this.fanouts.find(eventId);
    if (!current || current.done) return 'done';
    let from = current.cursor;
    let end = false;
    const running: Promise<BatchOutcome>[] = [];
    const outcomes: BatchOutcome[] = [];
    try {
      for (let i = 0; i < FANOUT_BATCHES_PER_JOB && !end; i++) {
        const page = await this.directory.followerIds(current.authorId, FANOUT_BATCH, from);
        const rows = this.rowsFor(current, eventId, page.ids);
        const prepared = await this.notifications.prepare(rows);
        while (running.length >= FANOUT_PARALLEL) outcomes.push(await running.shift()!);
        if (outcomes.some((o) => o !== 'written')) break;
        // Settled at once so that a failure waits for its turn instead of escaping unhandled.
        running.push(
          this.write(eventId, from, page.next, prepared).then(
            (o) => o,
            (e: Error) => e,
          ),
        );
        from = page.next;
        end = !page.next;
      }
    } finally {
      // A failed read ends the job only once the batches it started have ended too.
      outcomes.push(...(await Promise.all(running)));
    }
    const failed = outcomes.find((o): o is Error => o instanceof Error);
    if (failed) throw failed; // the queue retries the job; it resumes at the checkpoint
    if (end && outcomes.every((o) => o === 'written')) return 'done';
    const at = await this.fanouts.find(eventId);
    if (!at || at.done) return 'done';
    await this.queue.add(
      'fanout',
      { eventId },
      { jobId: fanoutJobId(eventId, at.cursor?.id ?? 'start') },
    );
    return 'continued';
  }

  private rowsFor(fanout: Fanout, eventId: string, recipientIds: string[]): NewNotification[] {
    return recipientIds.map((recipientId) => ({
      recipientId,
      type: 'article.published' as const,
      actorId: fanout.authorId,
      subjectType: 'article' as const,
      subjectId: fanout.articleId,
      data: fanout.data,
      sourceEventId: eventId,
      dedupKey: eventId,
    }));
  }

  /**
   * One batch's transaction: insert the rows, then lock the checkpoint and move it from `from` to
   * `to`. The lock is taken last so that two batches insert at the same time and serialise only
   * there: the later one waits for the earlier one's commit and then finds the checkpoint at its
   * own start. A checkpoint anywhere else (the earlier batch failed, or another runner of this
   * fan-out moved it) rolls the batch back: no gap, and the unique key leaves no duplicate.
   */
  private async write(
    eventId: string,
    from: KeysetPosition | null,
    to: KeysetPosition | null,
    prepared: Prepared,
  ): Promise<BatchOutcome> {
    let written: Awaited<ReturnType<NotificationsService['writeForRecipients']>>;
    try {
      written = await this.db.transaction(async (em) => {
        const result = await this.notifications.writeForRecipients(prepared, em);
        const locked = await this.fanouts.lock(eventId, em);
        if (!locked || locked.done || !samePosition(locked.cursor, from)) throw new Moved();
        await this.fanouts.advance(eventId, to, result.recipients.length, em);
        return result;
      });
    } catch (e) {
      if (e instanceof Moved) return 'moved';
      throw e;
    }
    await this.notifications.announceRecipients(written);
    return 'written';
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
