import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  DomainEvents,
  InstanceBroadcast,
  isUuid,
  KeysetCursors,
  ProblemException,
} from '@nexus/core';
import { IpBlockedEvent, IpUnblockedEvent, SecurityEvents } from '../security-analytics.events';
import { IpBlock, IpBlocksRepository } from './ip-blocks.repository';
import { CidrError, covers, IpRange, parseCidr, parseIp } from './ip-ranges';

/** Broadcast channel telling every api instance to reload its blacklist. */
export const BLOCKS_CHANNEL = 'security:blocks';
export interface BlocksChanged {
  /** What changed, for logs; receivers reload the whole active set either way. */
  change: 'blocked' | 'unblocked';
}

const CURSOR_SCOPE = 'security:blocks';
/** The longest a block may be set for; longer means "until revoked" (no expiry). */
const MAX_EXPIRY_MS = 10 * 365 * 86_400_000;

export function fieldProblem(field: string, message: string): ProblemException {
  return new ProblemException({
    status: 400,
    type: 'validation',
    title: 'Validation Failed',
    detail: 'One or more fields are invalid.',
    errors: [{ field, messages: [message] }],
  });
}

const blockNotFound = () =>
  new ProblemException({
    status: 404,
    type: 'block-not-found',
    title: 'Not Found',
    detail: 'No active block has this id.',
  });

export interface CreateBlockInput {
  cidr: string;
  reason: string;
  /** ISO 8601; absent or null: until revoked. */
  expiresAt?: string | Date | null;
  /** Block even if it covers the allowlist or the caller's own address. */
  force?: boolean;
}

export interface BlockActor {
  /** User id of the admin, `cli:<name>` for the command line; null for automatic blocks. */
  id: string | null;
  /** The caller's address (refused as a target unless forced); undefined when not over HTTP. */
  ip?: string;
}

/**
 * The blacklist's rules: validation of new blocks (no /0, no past expiry, not over the allowlist
 * or the caller's own address unless forced), writes, domain events and the broadcast that makes
 * every api instance reload at once. Used by the admin API, the CLI and the auto-block policy.
 */
@Injectable()
export class BlocksService {
  private readonly logger = new Logger(BlocksService.name);
  readonly allowlist: IpRange[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repository: IpBlocksRepository,
    private readonly events: DomainEvents,
    private readonly broadcast: InstanceBroadcast,
    private readonly cursors: KeysetCursors,
  ) {
    this.allowlist = config.allowlistCidrs.map((c) => parseCidr(c, { allowZero: true }));
  }

  async list(query: {
    limit: number;
    cursor?: string;
  }): Promise<{ items: IpBlock[]; nextCursor: string | null }> {
    const rows = await this.repository.list({
      limit: query.limit,
      after: this.cursors.decode(CURSOR_SCOPE, query.cursor),
    });
    return this.cursors.page(CURSOR_SCOPE, rows, query.limit, (b) => ({
      at: b.createdAt,
      id: b.id,
    }));
  }

  /** Validates and writes a manual block, tells every instance, emits `security.ip.blocked`. */
  async create(input: CreateBlockInput, actor: BlockActor, now = new Date()): Promise<IpBlock> {
    const range = this.validate(input, actor, now);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    const block = (await this.repository.insert({
      cidr: range.text,
      reason: input.reason.trim(),
      source: 'manual',
      createdBy: actor.id,
      expiresAt,
    }))!;
    await this.announce(block, 'blocked');
    return block;
  }

  /** Writes an automatic block (auto-block policy); undefined when the event was answered. */
  async createAuto(input: {
    cidr: string;
    reason: string;
    expiresAt: Date;
    eventId: string;
  }): Promise<IpBlock | undefined> {
    const block = await this.repository.insert({
      ...input,
      source: 'auto',
      createdBy: null,
    });
    if (block) await this.announce(block, 'blocked');
    return block;
  }

  async revoke(id: string, actor: BlockActor): Promise<IpBlock> {
    const block = isUuid(id) ? await this.repository.revoke(id, actor.id) : undefined;
    if (!block) throw blockNotFound();
    await this.announce(block, 'unblocked');
    return block;
  }

  /** Revokes every active block of exactly this address or CIDR (the CLI's `unblock-ip`). */
  async revokeCidr(cidr: string, actor: BlockActor): Promise<IpBlock[]> {
    const range = this.parseField('cidr', cidr);
    const blocks = await this.repository.revokeCidr(range.text, actor.id);
    for (const block of blocks) await this.announce(block, 'unblocked');
    return blocks;
  }

  /** Whether a block active at `now` covers `cidr` already. */
  isBlocked(cidr: string, now: Date): Promise<boolean> {
    return this.repository.activeCovering(cidr, now);
  }

  /** How many automatic blocks this CIDR got since `since` (escalation). */
  countAuto(cidr: string, since: Date): Promise<number> {
    return this.repository.countAuto(cidr, since);
  }

  /** The checks of a new manual block; throws a 400 naming the field. */
  validate(input: CreateBlockInput, actor: BlockActor, now: Date): IpRange {
    const range = this.parseField('cidr', input.cidr);
    if (input.expiresAt !== undefined && input.expiresAt !== null) {
      const at = new Date(input.expiresAt).getTime();
      if (Number.isNaN(at)) throw fieldProblem('expiresAt', 'expiresAt must be an ISO 8601 date');
      if (at <= now.getTime()) throw fieldProblem('expiresAt', 'expiresAt must be in the future');
      if (at - now.getTime() > MAX_EXPIRY_MS)
        throw fieldProblem(
          'expiresAt',
          'expiresAt must be within 10 years (omit it for no expiry)',
        );
    }
    if (!input.force) {
      const allowed = this.allowlist.find((a) => covers(range, a) || covers(a, range));
      if (allowed) {
        throw fieldProblem(
          'cidr',
          covers(allowed, range)
            ? `${range.text} is inside the allowlist (${allowed.text}), which always wins: the block would have no effect`
            : `${range.text} covers the allowlist (${allowed.text}); send force: true to block the rest of it`,
        );
      }
      const own = actor.ip ? parseIp(actor.ip) : undefined;
      if (
        own &&
        own.family === range.family &&
        own.value >= range.start &&
        own.value <= range.end
      ) {
        throw fieldProblem(
          'cidr',
          `${range.text} covers your own address (${actor.ip}); send force: true to block it anyway`,
        );
      }
    }
    return range;
  }

  private parseField(field: string, text: string): IpRange {
    try {
      return parseCidr(text);
    } catch (e) {
      if (e instanceof CidrError) throw fieldProblem(field, e.message);
      throw e;
    }
  }

  private async announce(block: IpBlock, change: BlocksChanged['change']): Promise<void> {
    // Delivered here first (this instance reloads before the answer goes out), then to the others.
    await this.broadcast.publish(BLOCKS_CHANNEL, { change } satisfies BlocksChanged);
    this.logger.log(`${change} ${block.cidr} (${block.source}, id ${block.id})`);
    if (change === 'blocked') {
      await this.events.emit(
        SecurityEvents.ipBlocked,
        new IpBlockedEvent(
          block.id,
          block.cidr,
          block.reason,
          block.source,
          block.expiresAt ? new Date(block.expiresAt) : null,
          block.createdBy,
        ),
      );
    } else {
      await this.events.emit(
        SecurityEvents.ipUnblocked,
        new IpUnblockedEvent(block.id, block.cidr),
      );
    }
  }
}
