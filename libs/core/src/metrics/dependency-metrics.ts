import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { MetricsService } from './metrics.service';

/** The part of node-postgres' Pool these gauges read (TypeORM's postgres driver keeps it as `master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Database pool and dependency gauges, read when Prometheus scrapes: the pool's connections
 * (MetricsService counts the queries waiting for one), and whether PostgreSQL and Redis answer a bounded ping from this process
 * (so "PostgreSQL down" is visible even when no request is failing because none arrives).
 * Each name is registered once per registry, whoever registers it first.
 */
@Injectable()
export class DependencyMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const registry = this.metrics.registry;
    const pool = () => (this.dataSource.driver as unknown as { master?: PoolCounts }).master;
    if (!registry.getSingleMetric('nexus_db_pool_connections')) {
      new Gauge({
        name: 'nexus_db_pool_connections',
        help: 'Pooled database connections of this process, by state (total, idle)',
        labelNames: ['state'] as const,
        registers: [registry],
        collect() {
          const p = pool();
          this.set({ state: 'total' }, p?.totalCount ?? 0);
          this.set({ state: 'idle' }, p?.idleCount ?? 0);
        },
      });
    }
    if (!registry.getSingleMetric('nexus_dependency_up')) {
      const probes = this.probes();
      new Gauge({
        name: 'nexus_dependency_up',
        help: 'Whether a dependency answered a bounded ping at scrape time (1) or not (0)',
        labelNames: ['dependency'] as const,
        registers: [registry],
        async collect() {
          this.reset();
          const results = await Promise.all(probes.map(async ([, probe]) => probe()));
          probes.forEach(([dependency], i) => this.set({ dependency }, results[i] ? 1 : 0));
        },
      });
    }
  }

  private probes(): [string, () => Promise<boolean>][] {
    const probes: [string, () => Promise<boolean>][] = [
      // PGlite in embedded mode: the same label, so one query serves both modes.
      ['postgresql', () => withTimeout(this.dataSource.query('SELECT 1'), 2000)],
    ];
    if (this.config.redisUrl) probes.push(['redis', () => this.redis.ping(1500)]);
    return probes;
  }
}

/** True when the promise settles successfully within `ms`; false on rejection or time-out. */
function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
