import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  EdgeStage,
  HttpPipeline,
  MetricsService,
  PROBLEM_CONTENT_TYPE,
  problemType,
  RateLimitService,
  SyncedWindowCounters,
} from '@nexus/core';
import { AccessTokenService } from '@nexus/users';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge } from 'prom-client';
import { Blacklist } from '../blocks/blacklist';
import { clientKey } from '../blocks/ip-ranges';
import { RateLimitMetrics } from './rate-limit.metrics';

/** Which global limit a request counted against. */
export type GlobalLimitKind = 'ip' | 'user';

/**
 * The global per-client limit at the `rateLimit` edge stage (after the blacklist, before the
 * cache, so cached answers are limited too): RATE_LIMIT_PER_USER per window for a request with a
 * valid access token (keyed by the user, whatever the address), else RATE_LIMIT_PER_IP per client
 * address (IPv6 per /64). The allowlist is not counted. Counting is SyncedWindowCounters: in
 * memory, reconciled with Redis every RATE_LIMIT_SYNC_MS in full mode.
 *
 * Every counted answer carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`
 * (seconds) and `RateLimit-Policy` (`300;w=60`); a refusal is a 429 problem+json with
 * `Retry-After`. With RATE_LIMIT_DRY_RUN the request goes on and is counted as "would limit".
 */
@Injectable()
export class GlobalRateLimit implements OnModuleInit {
  readonly counters: SyncedWindowCounters;
  private readonly perIp: number;
  private readonly perUser: number;
  private readonly policyIp: string;
  private readonly policyUser: string;
  private readonly dryRun: boolean;
  private readonly limited: Counter<'limit'>;
  private readonly wouldLimit: Counter<'limit'>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    limits: RateLimitService,
    private readonly pipeline: HttpPipeline,
    private readonly blacklist: Blacklist,
    private readonly tokens: AccessTokenService,
    metrics: MetricsService,
    rateLimitMetrics: RateLimitMetrics,
  ) {
    this.perIp = config.rateLimitPerIp;
    this.perUser = config.rateLimitPerUser;
    this.dryRun = config.rateLimitDryRun;
    this.policyIp = `${this.perIp};w=${config.rateLimitWindowSeconds}`;
    this.policyUser = `${this.perUser};w=${config.rateLimitWindowSeconds}`;
    this.counters = limits.windowCounters({
      name: 'global',
      windowMs: config.rateLimitWindowSeconds * 1000,
      syncMs: config.rateLimitSyncMs,
    });
    this.limited = rateLimitMetrics.limited;
    this.wouldLimit = rateLimitMetrics.wouldLimit;
    const counters = this.counters;
    new Gauge({
      name: 'nexus_rate_limit_degraded',
      help: '1 while rate limits count in memory only because Redis is unreachable or not answering',
      registers: [metrics.registry],
      collect() {
        this.set(counters.degraded || limits.degraded ? 1 : 0);
      },
    });
  }

  onModuleInit(): void {
    if (this.perIp === 0 && this.perUser === 0) return;
    this.pipeline.use(
      EdgeStage.rateLimit,
      'security-rate-limit',
      (req, reply) => this.edge(req, reply),
      {
        answers: () => false,
      },
    );
  }

  private edge(req: FastifyRequest, reply: FastifyReply): boolean {
    const ip = req.clientIp;
    if (this.blacklist.isAllowlisted(ip)) return false;
    let key: string | undefined;
    let kind: GlobalLimitKind = 'ip';
    const authorization = req.headers.authorization;
    if (authorization !== undefined && this.perUser > 0) {
      const userId = this.userOf(authorization);
      if (userId) {
        key = `u:${userId}`;
        kind = 'user';
      }
    }
    if (!key) {
      if (this.perIp === 0) return false;
      key = `ip:${clientKey(ip)}`;
    }
    const limit = kind === 'user' ? this.perUser : this.perIp;
    const decision = this.counters.take(key, limit);
    const resetSeconds = Math.ceil(decision.resetMs / 1000);
    reply.header('ratelimit-limit', limit);
    reply.header('ratelimit-remaining', decision.remaining);
    reply.header('ratelimit-reset', resetSeconds);
    reply.header('ratelimit-policy', kind === 'user' ? this.policyUser : this.policyIp);
    if (decision.allowed) return false;
    if (this.dryRun) {
      this.wouldLimit.inc({ limit: kind });
      return false;
    }
    this.limited.inc({ limit: kind });
    reply
      .status(429)
      .header('retry-after', resetSeconds)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({
        type: problemType('rate-limited'),
        title: 'Too Many Requests',
        status: 429,
        detail: `Too many requests; try again in ${resetSeconds} s.`,
        instance: req.url.split('?')[0],
        requestId: req.id,
      });
    return true;
  }

  /** The user of a valid access token (signature and expiry; the guard checks the session). */
  private userOf(authorization: string): string | undefined {
    if (!authorization.startsWith('Bearer ') && !authorization.startsWith('bearer '))
      return undefined;
    return this.tokens.verify(authorization.slice(7).trim())?.sub;
  }
}
