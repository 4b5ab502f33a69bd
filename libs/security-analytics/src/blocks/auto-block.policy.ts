import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { APP_CONFIG, AppConfig, DomainEventMeta } from '@nexus/core';
import { IpFlaggedEvent, SecurityEvents } from '../security-analytics.events';
import { BlocksService } from './blocks.service';
import { covers, parseCidr } from './ip-ranges';

/** The clock of the policy (injectable so that tests move time instead of waiting). */
export const AUTO_BLOCK_CLOCK = Symbol('AUTO_BLOCK_CLOCK');
/** Previous auto blocks of an address count towards its next duration for this long. */
export const ESCALATION_WINDOW_DAYS = 30;

/**
 * What an anomaly finding (`security.ip.flagged`) does, by ANOMALY_POLICY: `off` nothing, `flag`
 * nothing more (the finding is recorded and admins are alerted), `block` an automatic block of
 * the address that expires by itself. Durations escalate with the address's previous automatic
 * blocks in the last 30 days (AUTO_BLOCK_DURATIONS, default 1h, 4h, 24h; the last one is the
 * cap). A finding for an address already blocked, or on the allowlist, blocks nothing; the
 * event id is stored with the block, so a repeated delivery never blocks twice.
 */
@Injectable()
export class AutoBlockPolicy {
  private readonly logger = new Logger(AutoBlockPolicy.name);
  private readonly clock: () => Date;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly blocks: BlocksService,
    @Optional() @Inject(AUTO_BLOCK_CLOCK) clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date());
  }

  @OnEvent(SecurityEvents.ipFlagged)
  async onFlagged(event: IpFlaggedEvent, meta: DomainEventMeta): Promise<void> {
    if (this.config.anomalyPolicy !== 'block') return;
    let cidr: string;
    try {
      const range = parseCidr(event.ip);
      if (this.blocks.allowlist.some((a) => covers(a, range))) return;
      cidr = range.text;
    } catch {
      this.logger.warn(`flagged address "${event.ip}" is not an address; not blocked`);
      return;
    }
    const now = this.clock();
    if (await this.blocks.isBlocked(cidr, now)) return;
    const since = new Date(now.getTime() - ESCALATION_WINDOW_DAYS * 86_400_000);
    const previous = await this.blocks.countAuto(cidr, since);
    const durations = this.config.autoBlockDurationsSeconds;
    const seconds = durations[Math.min(previous, durations.length - 1)];
    await this.blocks.createAuto({
      cidr,
      reason: `${event.rule}: ${event.reason}`.slice(0, 500),
      expiresAt: new Date(now.getTime() + seconds * 1000),
      eventId: meta.eventId,
    });
  }
}
