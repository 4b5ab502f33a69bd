import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobEnvelope, QueueJob } from '@nexus/core';
import { DigestService, DigestJob } from '../digests/digest.service';
import { LoginCountryJob, LoginCountryNotices } from '../triggers/login-country-notices';
import { FanoutJob, FanoutService, NOTIFICATIONS_QUEUE } from './fanout.service';

/** The notifications queue: fan-out batches, digest runs, sign-ins to locate. */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly fanout: FanoutService,
    private readonly digests: DigestService,
    private readonly loginCountries: LoginCountryNotices,
  ) {
    super();
  }

  override async process(
    job: QueueJob<JobEnvelope<FanoutJob | DigestJob | LoginCountryJob>>,
  ): Promise<unknown> {
    switch (job.name) {
      case 'fanout':
        return this.fanout.run(job.data.payload as FanoutJob);
      case 'digest':
        return this.digests.run(job.data.payload as DigestJob);
      case 'login-country':
        return this.loginCountries.check(job.data.payload as LoginCountryJob);
      default:
        throw new Error(`unknown notifications job ${job.name}`);
    }
  }
}
