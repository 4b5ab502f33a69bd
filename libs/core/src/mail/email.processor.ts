import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DeadLetterAware, JobEnvelope, QueueJob } from '../queue/queue.types';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { MailTransport } from './mail-transport';
import { EMAIL_QUEUE, EmailJob } from './mail.service';

/**
 * Sends one email delivery. Idempotent: the row is claimed atomically (`queued`/`failed` →
 * `sending`), so a duplicated or retried job whose delivery is already sent or being sent does
 * nothing. Failures are recorded and rethrown for the queue's exponential backoff; after the last
 * attempt the row becomes `dead`.
 */
@Processor(EMAIL_QUEUE)
export class EmailProcessor extends WorkerHost implements DeadLetterAware<EmailJob> {
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async process(job: QueueJob<JobEnvelope<EmailJob>>): Promise<void> {
    const { deliveryId } = job.data.payload;
    const delivery = await this.deliveries.claim(deliveryId);
    if (!delivery) {
      this.logger.debug(`email ${deliveryId}: already sent, in progress or dead; skipping`);
      return;
    }
    const messageId = `<${deliveryId}@nexus>`;
    try {
      const sent = this.transport.send({
        from: this.config.mailFrom,
        to: delivery.to,
        subject: delivery.subject,
        html: delivery.html,
        text: delivery.text,
        messageId,
        ...(delivery.headers ? { headers: delivery.headers } : {}),
      });
      await (job.signal ? untilAborted(sent, job.signal) : sent);
    } catch (e) {
      // Also when the shutdown aborts the send: `failed` lets the next worker claim it again.
      await this.deliveries.markFailed(deliveryId, (e as Error).message);
      throw e;
    }
    await this.deliveries.markSent(deliveryId, messageId);
    this.logger.log(`email ${deliveryId} sent via ${this.transport.kind}`);
  }

  async onDead(job: QueueJob<JobEnvelope<EmailJob>>, error: Error): Promise<void> {
    await this.deliveries.markDead(job.data.payload.deliveryId, error.message);
  }
}

/** `work`, or a rejection as soon as `signal` aborts (the work itself is left to the shutdown). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('interrupted by shutdown'));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('interrupted by shutdown'));
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
