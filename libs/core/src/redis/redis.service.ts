import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis, RedisOptions } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Connection options for a Redis URL (BullMQ workers need maxRetriesPerRequest: null). */
export function redisOptions(url: string, extra: RedisOptions = {}): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    connectionName: 'nexus',
    ...extra,
  };
}

/** A Redis command that did not answer within its budget (the caller falls back). */
export class RedisTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`Redis: ${what} did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/** While degraded, Redis is probed this often; the first answer ends the degraded state. */
const PROBE_INTERVAL_MS = 1000;

/**
 * The process's Redis connections (full mode only; `client` is undefined in embedded mode).
 * `client` and `duplicate()` are the main Redis (`REDIS_URL`: queues, limits, broadcast — never
 * evicted); `cacheClient` and `duplicateCache()` are the cache's (`REDIS_CACHE_URL`, which
 * defaults to the same server). Components that need a dedicated connection (subscribers, BullMQ,
 * the cache's string store) duplicate one.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client?: Redis;
  /** The cache Redis; the same connection as `client` when REDIS_CACHE_URL is not set apart. */
  readonly cacheClient?: Redis;
  private readonly extra: Redis[] = [];
  /** Commands given up on because they outran their budget (`nexus_redis_command_timeouts_total`). */
  private timeoutCount = 0;
  private degradedSince?: number;
  private readonly recoveryListeners: (() => void)[] = [];
  private probe?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.redisUrl) {
      // commandTimeout: a server that stops answering (paused, partitioned) fails commands
      // instead of holding them, and with them the requests that wait for them.
      this.client = new IORedis(
        redisOptions(config.redisUrl, {
          maxRetriesPerRequest: 2,
          enableOfflineQueue: true,
          commandTimeout: config.redisCommandTimeoutMs,
        }),
      );
      // Errors are reported by health checks; without a listener ioredis logs each retry.
      this.client.on('error', () => undefined);
      this.cacheClient = this.client;
      if (this.cacheUrl !== config.redisUrl) {
        this.cacheClient = this.duplicateCache({
          maxRetriesPerRequest: 2,
          enableOfflineQueue: true,
          commandTimeout: config.redisCommandTimeoutMs,
        });
      }
    }
  }

  private get cacheUrl(): string | undefined {
    return this.config.redisCacheUrl ?? this.config.redisUrl;
  }

  get enabled(): boolean {
    return !!this.client;
  }

  /** A new connection with the same settings, closed with the service. */
  duplicate(extra: RedisOptions = {}): Redis {
    if (!this.config.redisUrl) throw new Error('Redis is not configured (REDIS_URL)');
    return this.track(new IORedis(redisOptions(this.config.redisUrl, extra)));
  }

  /** A new connection to the cache Redis (REDIS_CACHE_URL), closed with the service. */
  duplicateCache(extra: RedisOptions = {}): Redis {
    if (!this.cacheUrl) throw new Error('Redis is not configured (REDIS_URL)');
    return this.track(new IORedis(redisOptions(this.cacheUrl, extra)));
  }

  private track(conn: Redis): Redis {
    conn.on('error', () => undefined);
    this.extra.push(conn);
    return conn;
  }

  /** Budget of one Redis command on a request path (`REDIS_COMMAND_TIMEOUT_MS`). */
  get budgetMs(): number {
    return this.config.redisCommandTimeoutMs;
  }

  /**
   * True after a command on the main Redis outran its budget or failed, until Redis answers a
   * probe again. Callers with a fallback (limits in memory, the mail relay) skip Redis meanwhile,
   * so an outage costs one budget, not one per command (`nexus_redis_degraded`).
   */
  get degraded(): boolean {
    return this.degradedSince !== undefined;
  }

  get commandTimeouts(): number {
    return this.timeoutCount;
  }

  /**
   * Runs a Redis operation within `budgetMs` (default `REDIS_COMMAND_TIMEOUT_MS`): past it the
   * promise rejects with RedisTimeoutError (the command itself may still complete later) and
   * Redis counts as degraded; a failure marks it degraded too, a success clears it.
   */
  async withBudget<T>(what: string, op: () => Promise<T>, budgetMs = this.budgetMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisTimeoutError(what, budgetMs)), budgetMs);
    });
    const running = op();
    running.catch(() => undefined); // a command that loses the race may still fail later
    try {
      const result = await Promise.race([running, timeout]);
      this.markHealthy();
      return result;
    } catch (e) {
      this.noteFailure(e);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Counts a command that timed out on any connection (the cache's included). */
  countTimeout(error: unknown): void {
    const message = (error as Error | undefined)?.message ?? '';
    if (error instanceof RedisTimeoutError || /timed? ?out/i.test(message)) this.timeoutCount++;
  }

  /** Records a failed or timed-out command on the main Redis (ioredis' commandTimeout included). */
  noteFailure(error: unknown): void {
    this.countTimeout(error);
    if (!this.client || this.degradedSince !== undefined) return;
    this.degradedSince = Date.now();
    this.probe = setInterval(() => {
      void this.ping(this.budgetMs);
    }, PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  /**
   * Calls `listener` each time the main Redis answers again after being degraded, so work that
   * failed meanwhile (an email that could not be queued) is retried at once, not at the next timer.
   */
  onRecovered(listener: () => void): void {
    this.recoveryListeners.push(listener);
  }

  private markHealthy(): void {
    if (this.degradedSince === undefined) return;
    this.degradedSince = undefined;
    clearInterval(this.probe);
    for (const listener of this.recoveryListeners) {
      try {
        listener();
      } catch {
        // A listener's failure must not keep Redis marked degraded or stop the others.
      }
    }
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    if (!this.client) return true;
    const pinging = this.client.ping();
    // When the time-out wins the race the ping may still fail later (e.g. the connection closed
    // at shutdown): handled here, never an unhandled rejection.
    pinging.catch(() => undefined);
    try {
      const pong = await Promise.race([
        pinging,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
        ),
      ]);
      if (pong === 'PONG') this.markHealthy();
      return pong === 'PONG';
    } catch (e) {
      this.noteFailure(e);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.probe);
    await Promise.all(
      [this.client, ...this.extra].map((c) => c?.quit().catch(() => c.disconnect())),
    );
  }
}
