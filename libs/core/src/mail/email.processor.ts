import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DeadLetterAware, JobEnvelope, QueueJob } from '../queue/queue.types';
import { EmailDelivery } from './email-delivery.entity';
import { MailTransport } from './mail-transport';
import { EMAIL_QUEUE, EmailJob } from './mail.service';

/** A delivery stuck in `sending` this long belonged to a worker that died mid-send. */
const STALE_SENDING = '10 minutes';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async process(job: QueueJob<JobEnvelope<EmailJob>>): Promise<void> {
    const { deliveryId } = job.data.payload;
    const claimed: EmailDelivery[] = await this.dataSource
      .query(
        `UPDATE email_deliveries
          SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = $1
          AND (status IN ('queued', 'failed')
               OR (status = 'sending' AND updated_at < now() - interval '${STALE_SENDING}'))
        RETURNING id, to_address AS "to", subject, html, text`,
        [deliveryId],
      )
      .then(
        (r: unknown) => (Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r) as EmailDelivery[],
      );
    const delivery = claimed[0];
    if (!delivery) {
      this.logger.debug(`email ${deliveryId}: already sent, in progress or dead; skipping`);
      return;
    }
    const messageId = `<${deliveryId}@nexus>`;
    try {
      await this.transport.send({
        from: this.config.mailFrom,
        to: delivery.to,
        subject: delivery.subject,
        html: delivery.html,
        text: delivery.text,
        messageId,
      });
    } catch (e) {
      const message = (e as Error).message.slice(0, 1000);
      await this.dataSource.query(
        `UPDATE email_deliveries SET status = 'failed', last_error = $2, updated_at = now() WHERE id = $1`,
        [deliveryId, message],
      );
      throw e;
    }
    await this.dataSource.query(
      `UPDATE email_deliveries
          SET status = 'sent', sent_at = now(), message_id = $2, last_error = NULL, updated_at = now()
        WHERE id = $1`,
      [deliveryId, messageId],
    );
    this.logger.log(`email ${deliveryId} sent via ${this.transport.kind}`);
  }

  async onDead(job: QueueJob<JobEnvelope<EmailJob>>, error: Error): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'dead', last_error = $2, updated_at = now()
        WHERE id = $1 AND status <> 'sent'`,
      [job.data.payload.deliveryId, error.message.slice(0, 1000)],
    );
  }
}
