import { Logger } from '@nestjs/common';
import { withTimeout } from '../util/with-timeout';
import { EnqueueOptions, JobEnvelope, JobQueue, QueueDefinition, QueueJob } from './queue.types';

type Handler = {
  process(job: QueueJob<JobEnvelope<unknown>>): Promise<unknown>;
  onDead?(job: QueueJob<JobEnvelope<unknown>>, error: Error): Promise<void>;
};

const REMEMBERED_IDS = 10_000;

/**
 * Embedded mode's queue: jobs run in this process through the same processor classes as BullMQ
 * workers (like Celery's eager mode, but asynchronous), with the same attempts, exponential
 * backoff, dead-lettering and jobId deduplication. Jobs live in memory: work that must survive a
 * restart keeps its own state in the database (e.g. email_deliveries) and is re-enqueued at start.
 */
export class InProcessQueue implements JobQueue {
  private handler?: Handler;
  private readonly pending: QueueJob<JobEnvelope<unknown>>[] = [];
  private readonly knownIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  /** The jobs running now and since when (named in shutdown diagnostics). */
  private readonly runningJobs = new Map<QueueJob<JobEnvelope<unknown>>, number>();
  private readonly stats = { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 };
  private seq = 0;
  private closed = false;
  /** Stopped for the shutdown: jobs still accepted (kept in memory), none started. */
  private stopping = false;
  private readonly logger: Logger;

  constructor(private readonly definition: Required<QueueDefinition>) {
    this.logger = new Logger(`Queue:${definition.name}`);
  }

  get name(): string {
    return this.definition.name;
  }

  async add(jobName: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error(`Queue ${this.name} is closed`);
    const id = options.jobId ?? `${++this.seq}`;
    if (options.jobId) {
      if (this.knownIds.has(id)) return;
      this.remember(id);
    }
    const job: QueueJob<JobEnvelope<unknown>> = {
      id,
      name: jobName,
      data: payload as JobEnvelope<unknown>,
      attemptsMade: 0,
      opts: { attempts: options.attempts ?? this.definition.attempts },
    };
    (job as QueueJob & { backoffMs: number }).backoffMs =
      options.backoffMs ?? this.definition.backoffMs;
    if (options.delayMs) this.schedule(job, options.delayMs);
    else this.enqueue(job);
  }

  async counts(): Promise<Record<string, number>> {
    return { ...this.stats };
  }

  async oldestWaitingMs(): Promise<number | null> {
    const oldest = this.pending[0] as (QueueJob & { enqueuedAt?: number }) | undefined;
    return oldest?.enqueuedAt === undefined ? null : Math.max(0, Date.now() - oldest.enqueuedAt);
  }

  /** Binds the processor; jobs added before are run now. */
  attach(handler: Handler): void {
    this.handler = handler;
    this.drain();
  }

  /**
   * First step of a shutdown, while the database is still open: starts no more jobs and waits
   * up to `timeoutMs` for the running ones. Returns the jobs still running then (they may finish
   * later; nothing waits for them any more).
   */
  async stop(timeoutMs: number): Promise<string[]> {
    this.stopping = true;
    await withTimeout(Promise.allSettled([...this.inFlight]), timeoutMs);
    return this.running();
  }

  /**
   * Stops taking jobs, cancels pending retries and waits for running jobs to finish, unless
   * `stop()` has already waited for them as long as the shutdown allows.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (!this.stopping) await Promise.allSettled([...this.inFlight]);
  }

  /** `name#id (ms)` of every job running now, the longest-running first. */
  running(): string[] {
    const now = Date.now();
    return [...this.runningJobs]
      .sort((a, b) => a[1] - b[1])
      .map(([job, since]) => `${job.name}#${job.id} (${now - since} ms)`);
  }

  /** Resolves when nothing is queued, running or waiting for a retry (tests use it). */
  async idle(): Promise<void> {
    while (this.pending.length || this.inFlight.size || this.timers.size) {
      await Promise.allSettled([...this.inFlight]);
      if (!this.inFlight.size) await new Promise((r) => setTimeout(r, 5));
    }
  }

  private remember(id: string): void {
    this.knownIds.add(id);
    if (this.knownIds.size > REMEMBERED_IDS) {
      this.knownIds.delete(this.knownIds.values().next().value as string);
    }
  }

  private schedule(job: QueueJob<JobEnvelope<unknown>>, delayMs: number): void {
    this.stats.delayed++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.stats.delayed--;
      this.enqueue(job);
    }, delayMs);
    this.timers.add(timer);
  }

  private enqueue(job: QueueJob<JobEnvelope<unknown>>): void {
    (job as QueueJob & { enqueuedAt?: number }).enqueuedAt = Date.now();
    this.pending.push(job);
    this.stats.waiting++;
    this.drain();
  }

  private drain(): void {
    while (
      this.handler &&
      !this.closed &&
      !this.stopping &&
      this.pending.length &&
      this.inFlight.size < this.definition.concurrency
    ) {
      const job = this.pending.shift()!;
      this.stats.waiting--;
      const run = this.run(job).finally(() => {
        this.inFlight.delete(run);
        this.drain();
      });
      this.inFlight.add(run);
    }
  }

  private async run(job: QueueJob<JobEnvelope<unknown>>): Promise<void> {
    this.stats.active++;
    this.runningJobs.set(job, Date.now());
    // Yield first so that add() never runs a job synchronously inside the caller's transaction.
    await new Promise((r) => setImmediate(r));
    try {
      await this.handler!.process(job);
      this.stats.completed++;
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      job.attemptsMade++;
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade < attempts && !this.closed) {
        const base = (job as QueueJob & { backoffMs: number }).backoffMs;
        this.schedule(job, base * 2 ** (job.attemptsMade - 1));
      } else {
        this.stats.failed++;
        this.logger.warn(
          `job ${job.name}#${job.id} dead after ${job.attemptsMade} attempts: ${error.message}`,
        );
        await this.handler!.onDead?.(job, error).catch((err: Error) =>
          this.logger.error(`onDead of ${job.name}#${job.id} failed: ${err.message}`),
        );
      }
    } finally {
      this.stats.active--;
      this.runningJobs.delete(job);
    }
  }
}
