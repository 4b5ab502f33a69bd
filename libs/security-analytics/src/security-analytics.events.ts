/** Domain events emitted by @nexus/security-analytics (notifications alerts admins on them). */
export const SecurityEvents = {
  ipFlagged: 'security.ip.flagged',
  ipBlocked: 'security.ip.blocked',
  ipUnblocked: 'security.ip.unblocked',
} as const;

/** An anomaly rule found an address suspicious (a row in `suspicious_ips`). */
export class IpFlaggedEvent {
  constructor(
    readonly ip: string,
    /** The rule's name, e.g. `requests-per-hour`, `sensitive-paths`, `probing`. */
    readonly rule: string,
    readonly reason: string,
    readonly score: number,
  ) {}
}

/** An address or range was blocked, by an admin (`manual`) or by an anomaly policy (`auto`). */
export class IpBlockedEvent {
  constructor(
    readonly blockId: string,
    /** A CIDR; a single address is a /32 or /128. */
    readonly cidr: string,
    readonly reason: string,
    readonly source: 'manual' | 'auto',
    readonly expiresAt: Date | null,
    /** The admin who blocked it; null for automatic blocks. */
    readonly createdBy: string | null,
  ) {}
}

export class IpUnblockedEvent {
  constructor(
    readonly blockId: string,
    readonly cidr: string,
  ) {}
}

declare module '@nexus/core/events/domain-events' {
  interface DomainEventMap {
    'security.ip.flagged': IpFlaggedEvent;
    'security.ip.blocked': IpBlockedEvent;
    'security.ip.unblocked': IpUnblockedEvent;
  }
}
