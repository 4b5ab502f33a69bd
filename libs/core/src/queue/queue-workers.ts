import { PROCESSOR_METADATA } from '@nestjs/bullmq/dist/bull.constants';
import {
  Inject,
  Injectable,
  Logger,
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, WaitingError, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { Tracing } from '../tracing/tracing';
import { redisOptions } from '../redis/redis.service';
import { withTimeout } from '../util/with-timeout';
import { InProcessQueue } from './in-process-queue';
import { QueueRegistry } from './queue.registry';
import { QueueStats } from './queue-stats';
import { DeadLetterAware, JobEnvelope, QueueJob } from './queue.types';

interface ProcessorInstance extends Partial<DeadLetterAware> {
  process(job: QueueJob<JobEnvelope<unknown>>): Promise<unknown>;
}

/**
 * Binds `@Processor(queue)` classes (the @nestjs/bullmq decorator and WorkerHost base class) to
 * their queues when this process runs workers (`RUN_WORKERS`): BullMQ Workers in full mode, the
 * in-process runner in embedded mode. It replaces BullModule's explorer so that the same
 * processor classes work without Redis and the api process can opt out of consuming jobs.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly logger = new Logger(QueueWorkers.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly registry: QueueRegistry,
    private readonly stats: QueueStats,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const meta = Reflect.getMetadata(PROCESSOR_METADATA, metatype) as
        { name?: string } | undefined;
      if (!meta?.name) continue;
      this.bind(meta.name, instance as ProcessorInstance);
    }
  }

  private bind(queueName: string, processor: ProcessorInstance): void {
    const definition = this.registry.definition(queueName);
    if (!definition)
      throw new Error(`@Processor('${queueName}') has no QueueModule.forFeature definition`);
    const run = (job: QueueJob<JobEnvelope<unknown>>) =>
      RequestContext.run({ requestId: job.data?.requestId ?? `job-${job.id}` }, () =>
        Tracing.consume(queueName, job, job.data?.trace, async () => {
          const started = process.hrtime.bigint();
          const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
          try {
            const result = await processor.process(job);
            this.stats.record(queueName, seconds(), 'completed');
            return result;
          } catch (e) {
            this.stats.record(queueName, seconds(), 'failed');
            throw e;
          }
        }),
      );
    const onDead = processor.onDead?.bind(processor);

    const raw = this.registry.raw(queueName);
    if (raw instanceof InProcessQueue) {
      raw.attach({ process: run, onDead });
    } else {
      const worker = new Worker(
        queueName,
        // Three parameters: BullMQ then gives each job an AbortSignal (cancelAllJobs at shutdown).
        async (job: Job, token?: string, signal?: AbortSignal) => {
          try {
            return await run(Object.assign(job, { signal }) as QueueJob<JobEnvelope<unknown>>);
          } catch (e) {
            if (!signal?.aborted || !token) throw e;
            // Stopped by the shutdown: back to waiting for another worker, no attempt spent
            // (WaitingError tells BullMQ the job has been moved, not failed).
            await job.moveToWait(token);
            this.logger.warn(`job ${job.name}#${job.id} released at shutdown`);
            throw new WaitingError();
          }
        },
        {
          connection: redisOptions(this.config.redisUrl!, { maxRetriesPerRequest: null }),
          prefix: this.config.redisPrefix,
          concurrency: definition.concurrency,
        },
      );
      worker.on('failed', (job, error) => {
        if (!job) return;
        const attempts = job.opts.attempts ?? 1;
        if (job.attemptsMade >= attempts) {
          this.logger.warn(
            `job ${job.name}#${job.id} dead after ${job.attemptsMade} attempts: ${error.message}`,
          );
          onDead?.(job as QueueJob<JobEnvelope<unknown>>, error).catch((e: Error) =>
            this.logger.error(`onDead of ${job.name}#${job.id} failed: ${e.message}`),
          );
        }
      });
      worker.on('error', (e) => this.logger.error(`worker ${queueName}: ${e.message}`));
      (processor as unknown as { _worker: Worker })._worker = worker;
      this.workers.push(worker);
    }
    this.logger.log(`processing queue "${queueName}"`);
  }

  /**
   * Lets running jobs finish (BullMQ waits for them) before connections close, for at most
   * SHUTDOWN_TIMEOUT_MS. Jobs still running then are aborted (their `signal`): a processor that
   * stops on it has its job moved back to waiting for another worker. A worker still not closed
   * 2 s later (a processor ignoring the signal, or a Redis connection lost and re-established
   * that waits forever on its blocking read) is closed by force: its job's lock expires and
   * BullMQ's stalled-job check returns it to waiting.
   * Before Nest's onApplicationShutdown hooks, which close the database and the SMTP pool that
   * a finishing job still uses.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stopInProcessQueues();
    if (!this.workers.length) return;
    this.logger.log(
      `stopping queue workers: running jobs may take ${this.config.shutdownTimeoutMs} ms to finish`,
    );
    await Promise.all(
      this.workers.map(async (w) => {
        // Closing while BullMQ is still connecting makes its connection emit an 'error' nobody
        // listens to any more (seen when an app is closed right after it started).
        await withTimeout(
          w.waitUntilReady().catch(() => undefined),
          2000,
        );
        const closed = w.close().then(() => true);
        if (await withTimeout(closed, this.config.shutdownTimeoutMs)) return;
        this.logger.warn(
          `worker ${w.name}: jobs still running at the shutdown timeout; releasing them`,
        );
        w.cancelAllJobs('shutdown');
        if (await withTimeout(closed, 2000)) return;
        this.logger.warn(`worker ${w.name} did not stop in time; closing it by force`);
        await withTimeout(w.close(true), 2000);
        await w.disconnect().catch(() => undefined);
      }),
    );
    this.logger.log('queue workers stopped');
  }

  /**
   * Embedded mode: running jobs finish (for at most SHUTDOWN_TIMEOUT_MS) and no new one starts
   * while the database is still open; its pool closes in onApplicationShutdown, and a query
   * queued behind the pool's end would never be answered.
   */
  private async stopInProcessQueues(): Promise<void> {
    const queues = this.registry
      .names()
      .map((name) => this.registry.raw(name))
      .filter((q): q is InProcessQueue => q instanceof InProcessQueue);
    const left = await Promise.all(queues.map((q) => q.stop(this.config.shutdownTimeoutMs)));
    queues.forEach((q, i) => {
      if (left[i].length)
        this.logger.warn(`queue ${q.name}: jobs still running at shutdown: ${left[i].join(', ')}`);
    });
  }
}
