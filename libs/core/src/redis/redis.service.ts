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

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.redisUrl) {
      this.client = new IORedis(
        redisOptions(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }),
      );
      // Errors are reported by health checks; without a listener ioredis logs each retry.
      this.client.on('error', () => undefined);
      this.cacheClient = this.client;
      if (this.cacheUrl !== config.redisUrl) {
        this.cacheClient = this.duplicateCache({
          maxRetriesPerRequest: 2,
          enableOfflineQueue: true,
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

  async ping(timeoutMs = 1000): Promise<boolean> {
    if (!this.client) return true;
    try {
      const pong = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
        ),
      ]);
      return pong === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [this.client, ...this.extra].map((c) => c?.quit().catch(() => c.disconnect())),
    );
  }
}
