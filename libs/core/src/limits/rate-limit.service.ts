import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { SyncedWindowCounters, SyncedWindowOptions } from './synced-window-counters';

export interface LimiterOptions {
  /** Unique per use, e.g. `login:ip`. */
  keyPrefix: string;
  /** Points available per window. */
  points: number;
  durationSeconds: number;
  /** Block the key this long once the points are used up (0 = until the window ends). */
  blockSeconds?: number;
}

export interface LimitResult {
  allowed: boolean;
  remaining: number;
  /** Milliseconds until the next point is available (0 when allowed). */
  retryAfterMs: number;
  limit: number;
  /** Milliseconds until the window ends and the points are back. */
  resetMs: number;
}

/** A named counter over rate-limiter-flexible. */
export class Limiter {
  constructor(
    private readonly engine: RateLimiterAbstract,
    readonly options: LimiterOptions,
    /** Full mode: counts in memory instead while Redis is degraded or a command outruns its budget. */
    private readonly fallback?: { memory: RateLimiterAbstract; redis: RedisService },
  ) {}

  /** Takes `points` for `key`; never throws for an exhausted key (it answers allowed=false). */
  async consume(key: string, points = 1): Promise<LimitResult> {
    const outcome = await this.run('consume', (engine) =>
      engine.consume(key, points).then(
        (res) => ({ allowed: true, res }),
        (rej: unknown) => {
          if (rej instanceof RateLimiterRes) return { allowed: false, res: rej };
          throw rej;
        },
      ),
    );
    return this.result(outcome.allowed, outcome.res);
  }

  /** Looks at the counter without taking a point. */
  async peek(key: string): Promise<LimitResult> {
    const res = await this.run('get', (engine) => engine.get(key));
    if (!res)
      return {
        allowed: true,
        remaining: this.options.points,
        retryAfterMs: 0,
        limit: this.options.points,
        resetMs: 0,
      };
    return this.result(res.remainingPoints > 0 || res.msBeforeNext <= 0, res);
  }

  /** Blocks `key` for `seconds` (escalating cool-offs). */
  async block(key: string, seconds: number): Promise<void> {
    await this.run('block', (engine) => engine.block(key, seconds));
  }

  async reset(key: string): Promise<void> {
    await this.run('delete', (engine) => engine.delete(key));
  }

  /**
   * Redis within its budget, else the in-memory counters: an outage or a stalled Redis degrades
   * limits to per-process counts instead of failing or holding the request.
   */
  private async run<T>(what: string, op: (engine: RateLimiterAbstract) => Promise<T>): Promise<T> {
    const fallback = this.fallback;
    if (!fallback) return op(this.engine);
    if (fallback.redis.degraded) return op(fallback.memory);
    try {
      return await fallback.redis.withBudget(`rate limit ${what}`, () => op(this.engine));
    } catch {
      return op(fallback.memory);
    }
  }

  private result(allowed: boolean, res: RateLimiterRes): LimitResult {
    return {
      allowed,
      remaining: Math.max(0, res.remainingPoints ?? 0),
      retryAfterMs: allowed ? 0 : Math.max(0, res.msBeforeNext ?? 0),
      limit: this.options.points,
      resetMs: Math.max(0, res.msBeforeNext ?? 0),
    };
  }
}

/**
 * Shared limit counters: Redis in full mode (so every api instance counts together), each call
 * bounded by `REDIS_COMMAND_TIMEOUT_MS`, with in-memory counters that take over while Redis is
 * unreachable or not answering — an outage degrades to per-process limits instead of turning into
 * 500s or hung requests; memory only in embedded mode.
 */
@Injectable()
export class RateLimitService implements OnApplicationShutdown {
  private readonly windowed: { counters: SyncedWindowCounters; connection?: Redis }[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  /** True while limits count in memory because Redis is degraded (full mode). */
  get degraded(): boolean {
    return this.redis.enabled && this.redis.degraded;
  }

  create(options: LimiterOptions): Limiter {
    const base = {
      keyPrefix: `${this.config.redisPrefix}:rl:${options.keyPrefix}`,
      points: options.points,
      duration: options.durationSeconds,
      blockDuration: options.blockSeconds ?? 0,
    };
    const memory = new RateLimiterMemory(base);
    if (!this.redis.client) return new Limiter(memory, options);
    const engine = new RateLimiterRedis({
      ...base,
      storeClient: this.redis.client,
      rejectIfRedisNotReady: true,
    });
    return new Limiter(engine, options, { memory, redis: this.redis });
  }

  /**
   * Counters for limits checked on every request: decided in memory, reconciled with Redis every
   * `syncMs` in full mode (SyncedWindowCounters: bounded overshoot, no round trip per request).
   * Their connection has no offline queue and a short command time-out, so an outage is seen at
   * the next sync and counting goes on locally.
   */
  windowCounters(options: SyncedWindowOptions): SyncedWindowCounters {
    const connection = this.redis.enabled
      ? this.redis.duplicate({
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          commandTimeout: 500,
          connectionName: `nexus-limits-${options.name}`,
        })
      : undefined;
    const counters = new SyncedWindowCounters(
      connection,
      `${this.config.redisPrefix}:rl:w:${options.name}`,
      options,
    );
    this.windowed.push({ counters, connection });
    return counters;
  }

  onApplicationShutdown(): void {
    for (const { counters } of this.windowed) counters.stop();
  }
}
