import { Injectable, Module } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { DomainEventMeta } from '@nexus/core';

export interface RecordedEvent {
  name: string;
  payload: unknown;
}

/**
 * A fixture module (for `startTestApp(mode, { imports: [module] })`) whose `@OnEvent` listener
 * records the named domain events. Events written to the outbox reach `@OnEvent` methods of
 * providers, never listeners added with `EventEmitter2.on`, so tests observe them this way.
 */
export function eventRecorder(names: string[]): {
  module: new () => object;
  received: RecordedEvent[];
  metas: DomainEventMeta[];
} {
  const received: RecordedEvent[] = [];
  const metas: DomainEventMeta[] = [];

  @Injectable()
  class EventRecorder {
    record(payload: unknown, meta: DomainEventMeta): void {
      received.push({ name: meta.name, payload });
      metas.push(meta);
    }
  }
  const descriptor = Object.getOwnPropertyDescriptor(EventRecorder.prototype, 'record')!;
  for (const name of names) OnEvent(name)(EventRecorder.prototype, 'record', descriptor);

  @Module({ providers: [EventRecorder] })
  class EventRecorderModule {}

  return { module: EventRecorderModule, received, metas };
}
