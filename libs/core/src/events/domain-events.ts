import { randomUUID } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxRelay, StagedEvent } from './outbox-relay';

/**
 * Every domain event of the application, by name. Each feature lib adds its own entries by
 * module augmentation from its `*.events.ts`:
 *
 * ```ts
 * declare module '@nexus/core/events/domain-events' {
 *   interface DomainEventMap { 'content.article.created': ArticleEvent }
 * }
 * ```
 *
 * so `DomainEvents.emit` checks the payload of each name at compile time, and a listener can
 * look up what it receives.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap & string;

/**
 * What a listener receives beside the payload, as its second argument
 * (`@OnEvent(name) handle(payload, meta: DomainEventMeta)`). `eventId` is the key a listener
 * deduplicates on: a delivery may be repeated, never with another id.
 */
export interface DomainEventMeta {
  readonly eventId: string;
  readonly name: DomainEventName;
  readonly occurredAt: Date;
}

export interface EmitInTransactionOptions {
  /**
   * The entity the event is about (article id, user id): events of one aggregate are delivered
   * in order, an event waiting while an earlier one of its aggregate is undelivered.
   */
  aggregateId?: string | null;
}

/**
 * Emits domain events (`<module>.<entity>.<verb>`) on the process's event bus.
 *
 * - `emit` (in-process, not durable): call it after the write's transaction has committed.
 * - `emitInTransaction(em, ...)` (durable, the transactional outbox): writes the event in the
 *   caller's transaction; `transaction(work)` delivers what its `em` staged right after commit,
 *   and the relay delivers whatever that left (a crash, a failed listener) — at least once, in
 *   order per aggregate, `meta.eventId` being the outbox row's id.
 *
 * Both wait for the listeners, so a response sent after them cannot race an invalidation; a
 * listener's failure is never turned into the caller's error (the write happened and the client
 * must hear so).
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);

  constructor(
    private readonly emitter: EventEmitter2,
    @Optional() private readonly relay?: OutboxRelay,
    @Optional() @InjectDataSource() private readonly dataSource?: DataSource,
  ) {}

  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    const meta: DomainEventMeta = { eventId: randomUUID(), name, occurredAt: new Date() };
    try {
      await this.emitter.emitAsync(name, payload, meta);
    } catch (e) {
      this.logger.error({ err: e, event: name }, `a listener of ${name} failed`);
    }
  }

  /**
   * Writes the event to the outbox in `em`'s transaction: it exists if and only if the change
   * commits. The payload is stored as JSON, so listeners receive plain data (no class instances,
   * dates as ISO strings).
   */
  async emitInTransaction<K extends DomainEventName>(
    em: EntityManager,
    name: K,
    payload: DomainEventMap[K],
    options: EmitInTransactionOptions = {},
  ): Promise<StagedEvent> {
    return this.outbox().stage(em, name, payload, options.aggregateId ?? null);
  }

  /**
   * `dataSource.transaction(work)`, then delivers the events `work` staged with its `em`, waiting
   * for their listeners (the relay picks up any it could not deliver).
   */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.dataSource) throw new Error('DomainEvents.transaction needs the database');
    let manager: EntityManager | undefined;
    const result = await this.dataSource.transaction((em) => {
      manager = em;
      return work(em);
    });
    await this.deliver(this.outbox().takeStaged(manager!));
    return result;
  }

  /**
   * Delivers events staged in a transaction the caller ran itself, once it has committed (for
   * work the response must not wait for, call it without awaiting). Never throws.
   */
  async deliver(events: StagedEvent | readonly StagedEvent[] | undefined): Promise<void> {
    if (!events) return;
    await this.outbox().deliverNow(Array.isArray(events) ? events : [events as StagedEvent]);
  }

  private outbox(): OutboxRelay {
    if (!this.relay) throw new Error('The outbox needs CoreModule (OutboxRelay)');
    return this.relay;
  }
}
