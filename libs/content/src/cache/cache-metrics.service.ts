import { Injectable, OnModuleInit } from '@nestjs/common';
import { CacheService, MetricsService, NamespaceStats, RedisService } from '@nexus/core';
import { Gauge } from 'prom-client';

export interface RedisKeyspaceStats {
  keyspaceHits: number;
  keyspaceMisses: number;
  /** keyspace_hits / (hits + misses); 0 without traffic. */
  hitRatio: number;
}

export interface CacheMetrics {
  namespaces: Record<string, NamespaceStats>;
  /** Redis `INFO stats` of the whole server (full mode); null in embedded mode or when unreachable. */
  redis: RedisKeyspaceStats | null;
}

/** Cache hit/miss figures per namespace (this process) and of Redis, for the admin API and /metrics. */
@Injectable()
export class CacheMetricsService implements OnModuleInit {
  constructor(
    private readonly cache: CacheService,
    private readonly redis: RedisService,
    private readonly metrics: MetricsService,
  ) {}

  async snapshot(): Promise<CacheMetrics> {
    return { namespaces: this.cache.stats(), redis: await this.redisStats() };
  }

  async redisStats(): Promise<RedisKeyspaceStats | null> {
    if (!this.redis.cacheClient) return null;
    try {
      const info = await this.redis.cacheClient.info('stats');
      const read = (name: string) =>
        Number(info.match(new RegExp(`^${name}:(\\d+)`, 'm'))?.[1] ?? 0);
      const hits = read('keyspace_hits');
      const misses = read('keyspace_misses');
      return {
        keyspaceHits: hits,
        keyspaceMisses: misses,
        hitRatio: hits + misses === 0 ? 0 : hits / (hits + misses),
      };
    } catch {
      return null;
    }
  }

  /** Adds the hit ratio per namespace and Redis keyspace figures to the Prometheus registry. */
  onModuleInit(): void {
    const registry = this.metrics.registry;
    if (registry.getSingleMetric('nexus_cache_hit_ratio')) return;
    const cache = this.cache;
    new Gauge({
      name: 'nexus_cache_hit_ratio',
      help: 'Cache hits / (hits + misses) per namespace since start (0 without traffic)',
      labelNames: ['namespace'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [ns, s] of Object.entries(cache.stats()))
          this.set({ namespace: ns }, s.hitRatio);
      },
    });
    const redisStats = () => this.redisStats();
    new Gauge({
      name: 'nexus_redis_keyspace',
      help: 'Redis INFO stats keyspace_hits and keyspace_misses (full mode)',
      labelNames: ['result'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const s = await redisStats();
        if (!s) return;
        this.set({ result: 'hit' }, s.keyspaceHits);
        this.set({ result: 'miss' }, s.keyspaceMisses);
      },
    });
  }
}
