/** Names of the domain events the __name__ module emits (`<module>.<entity>.<verb>`). */
export const __Name__Events = {
  created: '__name__.__item__.created',
  deleted: '__name__.__item__.deleted',
} as const;

/** Payload of `__name__.__item__.created`. */
export class __Item__CreatedEvent {
  constructor(
    readonly __itemCamel__Id: string,
    readonly ownerId: string,
  ) {}
}

/** Payload of `__name__.__item__.deleted`. */
export class __Item__DeletedEvent {
  constructor(
    readonly __itemCamel__Id: string,
    readonly ownerId: string,
  ) {}
}

// Registers each name with its payload, so DomainEvents.emit rejects a wrong payload at compile time.
// It names the file that declares the map: TypeScript does not merge an augmentation of
// '@nexus/core' into an interface that index.ts only re-exports with `export *`.
declare module '@nexus/core/events/domain-events' {
  interface DomainEventMap {
    '__name__.__item__.created': __Item__CreatedEvent;
    '__name__.__item__.deleted': __Item__DeletedEvent;
  }
}
