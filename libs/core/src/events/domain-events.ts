import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

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

/**
 * Emits domain events (`<module>.<entity>.<verb>`) on the process's event bus. Call it after the
 * write's transaction has committed: listeners (cache invalidation, counters, other modules) must
 * only ever see committed state. `emit` waits for the listeners, so a response sent after it
 * cannot race an invalidation; a listener's failure is logged, never turned into the caller's
 * error (the write happened and the client must hear so).
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);

  constructor(private readonly emitter: EventEmitter2) {}

  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    const meta: DomainEventMeta = { eventId: randomUUID(), name, occurredAt: new Date() };
    try {
      await this.emitter.emitAsync(name, payload, meta);
    } catch (e) {
      this.logger.error({ err: e, event: name }, `a listener of ${name} failed`);
    }
  }
}
