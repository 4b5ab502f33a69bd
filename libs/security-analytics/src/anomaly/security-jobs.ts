import { Processor, WorkerHost } from '@nestjs/bullmq';
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
  JobEnvelope,
  JobQueue,
  QueueJob,
  QueueRegistry,
} from '@nexus/core';
import { RetentionService } from '../request-log/retention.service';
import { AnomalyService } from './anomaly.service';

export const SECURITY_QUEUE = 'security-analytics';

export type SecurityJobName = 'anomaly-scan' | 'retention';

/** The schedules: the 5-minute scan runs every rule over its sliding window; hourly, retention. */
export const SECURITY_SCHEDULES: { id: string; job: SecurityJobName; everyMs: number }[] = [
  { id: 'security:anomaly-scan', job: 'anomaly-scan', everyMs: 5 * 60_000 },
  { id: 'security:retention', job: 'retention', everyMs: 60 * 60_000 },
];

/** Runs the scheduled work of security-analytics where queue workers run. */
@Processor(SECURITY_QUEUE)
export class SecurityJobsProcessor extends WorkerHost {
  constructor(
    private readonly anomaly: AnomalyService,
    private readonly retention: RetentionService,
  ) {
    super();
  }

  async process(job: QueueJob<JobEnvelope<Record<string, never>>>): Promise<unknown> {
    switch (job.name as SecurityJobName) {
      case 'anomaly-scan':
        return (await this.anomaly.scan()).flagged.length;
      case 'retention':
        return this.retention.prune();
      default:
        return undefined;
    }
  }
}

/**
 * Declares the schedules. Full mode: BullMQ job schedulers (`upsertJobScheduler`, idempotent, so
 * every worker may declare them and each run happens once, on one worker). Embedded mode: a timer
 * adds the same jobs to the in-process queue. Nothing is scheduled where workers do not run.
 */
@Injectable()
export class SecuritySchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SecuritySchedules.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: QueueRegistry,
    @InjectJobQueue(SECURITY_QUEUE) private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    const raw = this.registry.raw(SECURITY_QUEUE);
    for (const s of SECURITY_SCHEDULES) {
      if (raw instanceof BullJobQueue) {
        await raw.queue
          .upsertJobScheduler(
            s.id,
            { every: s.everyMs },
            {
              name: s.job,
              data: { payload: {} },
              opts: { removeOnComplete: 100, removeOnFail: 100 },
            },
          )
          .catch((e: Error) => this.logger.warn(`schedule ${s.id} not declared: ${e.message}`));
      } else {
        const timer = setInterval(() => {
          void this.queue.add(s.job, {}).catch(() => undefined);
        }, s.everyMs);
        timer.unref();
        this.timers.push(timer);
      }
    }
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearInterval(t);
  }
}
