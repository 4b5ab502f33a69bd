import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  EdgeStage,
  HttpPipeline,
  InstanceBroadcast,
  MetricsService,
  PROBLEM_CONTENT_TYPE,
  problemType,
} from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter } from 'prom-client';
import { BLOCKS_CHANNEL, BlocksChanged } from './blocks.service';
import { IpBlock, IpBlocksRepository } from './ip-blocks.repository';
import { IpMatcher } from './ip-matcher';
import { parseCidr } from './ip-ranges';
import { markRequestOutcome } from '../request-log/request-log.types';

/** What a matched block tells the edge step. */
export interface BlockHit {
  id: string;
  source: IpBlock['source'];
}

/** How long history (revoked or expired blocks) is kept before it is pruned. */
const HISTORY_DAYS = 90;

/**
 * The blacklist as each api instance enforces it: the active blocks in an IpMatcher (reloaded on
 * every `security:blocks` broadcast, after a broadcast outage, and every BLOCKS_REFRESH_SECONDS),
 * and the `blacklist` edge step that refuses a matching client with 403 before cache and Nest.
 * Expiry is read at lookup time, so an expired block stops matching without a reload. The
 * allowlist always wins.
 */
@Injectable()
export class Blacklist implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Blacklist.name);
  private matcher = new IpMatcher<BlockHit>([]);
  private readonly allow: IpMatcher<true>;
  private readonly blocked: Counter<'reason'>;
  private readonly wouldBlock: Counter<'reason'>;
  private timer?: NodeJS.Timeout;
  private loading?: Promise<void>;
  private reloadAgain = false;
  private lastPrune = 0;
  private readonly dryRun: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: IpBlocksRepository,
    private readonly pipeline: HttpPipeline,
    private readonly broadcast: InstanceBroadcast,
    metrics: MetricsService,
  ) {
    this.dryRun = config.blacklistDryRun;
    this.allow = new IpMatcher(
      config.allowlistCidrs.map((c) => ({
        range: parseCidr(c, { allowZero: true }),
        expiresAt: Infinity,
        value: true as const,
      })),
    );
    this.blocked = new Counter({
      name: 'nexus_requests_blocked_total',
      help: 'Requests refused by the blacklist, by the source of the matching block (manual, auto)',
      labelNames: ['reason'] as const,
      registers: [metrics.registry],
    });
    this.wouldBlock = new Counter({
      name: 'nexus_requests_would_block_total',
      help: 'BLACKLIST_DRY_RUN: requests the blacklist would have refused, by block source',
      labelNames: ['reason'] as const,
      registers: [metrics.registry],
    });
  }

  async onModuleInit(): Promise<void> {
    this.broadcast.on<BlocksChanged>(BLOCKS_CHANNEL, {
      onMessage: () => this.reload(),
      // Messages may have been missed while the broadcast was down.
      onReset: () => void this.reload(),
    });
    this.pipeline.use(
      EdgeStage.blacklist,
      'security-blacklist',
      (req, reply) => this.edge(req, reply),
      {
        answers: () => false,
      },
    );
    await this.reload();
    await this.broadcast.join(BLOCKS_CHANNEL);
    this.timer = setInterval(() => void this.reload(), this.config.blocksRefreshSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Number of active blocks held (for tests and diagnostics). */
  get size(): number {
    return this.matcher.size;
  }

  /** The block refusing `ip` now, if any (the allowlist wins). */
  match(ip: string, now = Date.now()): BlockHit | undefined {
    const hit = this.matcher.match(ip, now);
    if (!hit || this.allow.match(ip, 0)) return undefined;
    return hit;
  }

  isAllowlisted(ip: string): boolean {
    return this.allow.match(ip, 0) !== undefined;
  }

  /** Reloads the active set; concurrent calls coalesce into one more load after the current. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          this.matcher = build(await this.repository.active());
        } catch (e) {
          // Keep enforcing the last known set; the next refresh tries again.
          this.logger.error(`blacklist reload failed: ${(e as Error).message}`);
        }
      } while (this.reloadAgain);
      this.loading = undefined;
      void this.prune();
    })();
    return this.loading;
  }

  private edge(req: FastifyRequest, reply: FastifyReply): boolean {
    if (this.matcher.size === 0) return false;
    const hit = this.match(req.clientIp);
    if (!hit) return false;
    if (this.dryRun) {
      this.wouldBlock.inc({ reason: hit.source });
      return false;
    }
    this.blocked.inc({ reason: hit.source });
    // The request log and analytics count it as blocked (a plain 403 would be a 4xx).
    markRequestOutcome(req, 'blocked');
    reply
      .status(403)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({
        type: problemType('ip-blocked'),
        title: 'Forbidden',
        status: 403,
        detail: 'Requests from your address are blocked.',
        instance: req.url.split('?')[0],
        requestId: req.id,
      });
    return true;
  }

  private async prune(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 3600_000) return;
    this.lastPrune = now;
    await this.repository
      .prune(new Date(now - HISTORY_DAYS * 86_400_000))
      .catch((e: Error) => this.logger.warn(`blacklist prune failed: ${e.message}`));
  }
}

function build(blocks: IpBlock[]): IpMatcher<BlockHit> {
  return new IpMatcher(
    blocks.map((b) => ({
      range: parseCidr(b.cidr, { allowZero: true }),
      expiresAt: b.expiresAt ? Date.parse(b.expiresAt) : Infinity,
      value: { id: b.id, source: b.source },
    })),
  );
}
