import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { Tracing } from '../tracing/tracing';
import { redisOptions, RedisService } from '../redis/redis.service';
import { InProcessQueue } from './in-process-queue';
import { EnqueueOptions, JobQueue, QueueDefinition } from './queue.types';

const DEFAULTS = { attempts: 3, backoffMs: 1000, concurrency: 5 };

/**
 * BullMQ-backed producer for full mode. Every call is bounded by the Redis budget: a Redis that
 * stops answering makes `add` reject within it (as a refused connection does), and the caller
 * falls back as it does for an outage (mail: the row stays `queued` for the relay).
 */
class BullJobQueue implements JobQueue {
  constructor(
    readonly queue: Queue,
    private readonly definition: Required<QueueDefinition>,
    private readonly redis: RedisService,
  ) {}

  get name(): string {
    return this.queue.name;
  }

  async add(jobName: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    if (this.redis.degraded) {
      throw new Error(`queue ${this.name}: Redis is not answering; not enqueued`);
    }
    await this.redis.withBudget(`enqueue on ${this.name}`, () =>
      this.enqueue(jobName, payload, options),
    );
  }

  private async enqueue(jobName: string, payload: unknown, options: EnqueueOptions): Promise<void> {
    await this.queue.add(jobName, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: options.attempts ?? this.definition.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs ?? this.definition.backoffMs },
      removeOnComplete: { age: 3600, count: 1000 },
      // Failed jobs are the dead-letter set: kept for inspection and manual retry.
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  async counts(): Promise<Record<string, number>> {
    return this.redis.withBudget(`counts of ${this.name}`, () =>
      this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
    );
  }

  async oldestWaitingMs(): Promise<number | null> {
    const [job] = await this.redis.withBudget(`oldest job of ${this.name}`, () =>
      this.queue.getJobs(['wait'], 0, 0, true),
    );
    return job ? Math.max(0, Date.now() - job.timestamp) : null;
  }
}

/**
 * The single registration point for queues: feature modules declare a QueueDefinition with
 * `QueueModule.forFeature`, and this registry creates BullMQ queues (REDIS_URL set) or
 * in-process queues (embedded) for them. Producers wrap payloads with the current request id.
 */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly queues = new Map<string, JobQueue>();
  private readonly definitions = new Map<string, Required<QueueDefinition>>();
  private readonly logger = new Logger(QueueRegistry.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  get distributed(): boolean {
    return !!this.config.redisUrl;
  }

  define(definition: QueueDefinition): JobQueue {
    const existing = this.queues.get(definition.name);
    if (existing) return existing;
    const full = { ...DEFAULTS, ...definition } as Required<QueueDefinition>;
    this.definitions.set(full.name, full);
    const inner: JobQueue = this.config.redisUrl
      ? new BullJobQueue(this.bullQueue(full.name), full, this.redis)
      : new InProcessQueue(full);
    const withContext: JobQueue = {
      name: inner.name,
      add: (jobName, payload, options) =>
        Tracing.produce(full.name, jobName, (trace) =>
          inner.add(jobName, { payload, requestId: RequestContext.requestId(), trace }, options),
        ),
      counts: () => inner.counts(),
    };
    this.queues.set(full.name, inner);
    this.logger.debug(`queue ${full.name} (${this.distributed ? 'bullmq' : 'in-process'})`);
    return withContext;
  }

  /**
   * A BullMQ queue with an 'error' listener: its connection reports errors as events (Redis going
   * away, or the app closing while the connection is still being set up), and an EventEmitter
   * 'error' without a listener is thrown — it would take the process down.
   */
  private bullQueue(name: string): Queue {
    const queue = new Queue(name, {
      connection: redisOptions(this.config.redisUrl!, { maxRetriesPerRequest: 2 }),
      prefix: this.config.redisPrefix,
    });
    queue.on('error', (e) => this.logger.warn(`queue ${name}: ${e.message}`));
    return queue;
  }

  definition(name: string): Required<QueueDefinition> | undefined {
    return this.definitions.get(name);
  }

  /** The underlying queue (BullJobQueue or InProcessQueue) for workers and tests. */
  raw(name: string): JobQueue | undefined {
    return this.queues.get(name);
  }

  names(): string[] {
    return [...this.queues.keys()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map(async (q) => {
        if (!(q instanceof BullJobQueue)) return (q as InProcessQueue).close();
        // As for workers: let a connection that is still being set up finish (bounded) first.
        await Promise.race([
          q.queue.waitUntilReady().catch(() => undefined),
          new Promise((r) => setTimeout(r, 2000).unref()),
        ]);
        await q.queue.close();
      }),
    );
  }
}

export { BullJobQueue };
