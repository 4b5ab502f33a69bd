import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { InjectJobQueue, JobQueue } from '../queue/queue.types';
import { RedisService } from '../redis/redis.service';
import { EmailDeliveriesRepository, EmailDelivery } from './email-deliveries.repository';
import { MailTemplates } from './mail-templates';

export const EMAIL_QUEUE = 'email';

export interface SendMailInput {
  to: string;
  template: string;
  context: Record<string, unknown>;
  /** Same key → same delivery: a repeated call never sends twice. Defaults to a random key. */
  idempotencyKey?: string;
  /** Extra headers (e.g. `List-Unsubscribe`), stored with the delivery and sent as given. */
  headers?: Record<string, string>;
}

export interface EmailJob {
  deliveryId: string;
}

/** How often queued deliveries that never reached the queue are relayed (outbox pattern). */
const RELAY_INTERVAL_MS = 60_000;
/** Deliveries this process failed to queue, remembered to queue again as soon as Redis is back. */
const STRANDED_MAX = 10_000;

/**
 * Renders a template and records one `email_deliveries` row, then queues its delivery. The row
 * is written first, so a Redis outage loses nothing: the relay re-enqueues rows still `queued`.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private relayTimer?: NodeJS.Timeout;
  private readonly stranded = new Set<string>();

  constructor(
    private readonly deliveries: EmailDeliveriesRepository,
    @InjectJobQueue(EMAIL_QUEUE) private readonly queue: JobQueue<EmailJob>,
    private readonly templates: MailTemplates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {
    // Any process that sends (the api too, which runs no relay in full mode) queues what it
    // could not as soon as Redis answers again; the relay remains for what a crash forgot.
    this.redis.onRecovered(() => void this.requeueStranded());
  }

  async send(input: SendMailInput): Promise<EmailDelivery> {
    const rendered = this.templates.render(input.template, input.context);
    const idempotencyKey = input.idempotencyKey ?? `${input.template}:${cryptoRandom()}`;
    const inserted = await this.deliveries.insertIfAbsent({
      idempotencyKey,
      to: input.to,
      template: input.template,
      ...rendered,
      requestId: RequestContext.requestId() ?? null,
      headers: input.headers ?? null,
    });
    // Already recorded under this key: the earlier call owns its delivery.
    if (!inserted) return (await this.deliveries.findByIdempotencyKey(idempotencyKey))!;
    const delivery = inserted;
    await this.enqueue(delivery.id).catch((e: Error) => {
      if (this.stranded.size < STRANDED_MAX) this.stranded.add(delivery.id);
      this.logger.warn(`email ${delivery.id} stays queued for the relay: ${e.message}`);
    });
    return delivery;
  }

  /** Queues again the deliveries whose queueing failed here (jobId dedupes a late success). */
  async requeueStranded(): Promise<number> {
    let queued = 0;
    for (const id of [...this.stranded]) {
      try {
        await this.enqueue(id);
        this.stranded.delete(id);
        queued++;
      } catch {
        return queued; // Redis is away again: the next recovery continues.
      }
    }
    return queued;
  }

  /** Re-enqueues deliveries that are queued or waiting for a retry (jobId dedupes). */
  async relay(olderThanMs = 0): Promise<number> {
    const ids = await this.deliveries.dueForRelay(olderThanMs);
    for (const id of ids) await this.enqueue(id);
    return ids.length;
  }

  /**
   * Sends a dead (or failed) delivery again with a fresh set of attempts, under a new job id (the
   * old one may still be remembered by the queue). `undefined` when it is not dead or failed.
   */
  async retry(id: string): Promise<EmailDelivery | undefined> {
    const delivery = await this.deliveries.requeue(id);
    if (!delivery) return undefined;
    await this.queue
      .add(
        'send',
        { deliveryId: id },
        {
          jobId: `${id}:retry:${Date.now()}`,
          attempts: this.config.mailMaxAttempts,
          backoffMs: this.config.mailBackoffMs,
        },
      )
      .catch((e: Error) =>
        this.logger.warn(`email ${id} stays queued for the relay: ${e.message}`),
      );
    return delivery;
  }

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    // Embedded queues live in memory: pick up what the previous run left undelivered.
    this.relay().catch((e: Error) => this.logger.warn(`relay: ${e.message}`));
    this.relayTimer = setInterval(() => {
      this.relay(RELAY_INTERVAL_MS).catch((e: Error) => this.logger.warn(`relay: ${e.message}`));
    }, RELAY_INTERVAL_MS);
    this.relayTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.relayTimer);
  }

  private enqueue(deliveryId: string): Promise<void> {
    return this.queue.add(
      'send',
      { deliveryId },
      {
        jobId: deliveryId,
        attempts: this.config.mailMaxAttempts,
        backoffMs: this.config.mailBackoffMs,
      },
    );
  }
}

function cryptoRandom(): string {
  return createHash('sha256')
    .update(`${process.hrtime.bigint()}:${Math.random()}`)
    .digest('hex')
    .slice(0, 32);
}
