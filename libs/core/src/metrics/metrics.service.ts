import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { CacheService } from '../cache/cache.service';
import { OutboxRelay } from '../events/outbox-relay';
import { EmailDeliveriesRepository } from '../mail/email-deliveries.repository';
import { QueueStats } from '../queue/queue-stats';
import { QueueRegistry } from '../queue/queue.registry';
import { databaseFaults } from '../errors/dependency-errors';
import { InstanceBroadcast } from '../redis/instance-broadcast';
import { RedisService } from '../redis/redis.service';
import { RequestHistogram } from './request-histogram';

/** Prometheus registry of this process: HTTP, event loop and process, cache and queue metrics. */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  readonly httpDuration = new RequestHistogram(
    'nexus_http_request_duration_seconds',
    'HTTP request duration by route template, method and status',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    this.registry,
  );

  constructor(
    private readonly cache: CacheService,
    private readonly queues: QueueRegistry,
    private readonly broadcast: InstanceBroadcast,
    private readonly redis: RedisService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelay,
    private readonly queueStats: QueueStats,
    private readonly deliveries: EmailDeliveriesRepository,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({
      register: this.registry,
      prefix: 'nexus_',
      eventLoopMonitoringPrecision: 20,
    });
    const httpDuration = this.httpDuration;
    new Counter({
      name: 'nexus_http_request_duration_dropped_total',
      help: 'Requests not observed by the duration histogram: their label set would exceed its series cap',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(httpDuration.dropped);
      },
    });
    const cache = this.cache;
    new Counter({
      name: 'nexus_cache_hits_total',
      help: 'Cache hits per namespace',
      labelNames: ['namespace'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [ns, s] of Object.entries(cache.stats())) this.inc({ namespace: ns }, s.hits);
      },
    });
    new Counter({
      name: 'nexus_cache_misses_total',
      help: 'Cache misses per namespace',
      labelNames: ['namespace'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [ns, s] of Object.entries(cache.stats())) this.inc({ namespace: ns }, s.misses);
      },
    });
    const broadcast = this.broadcast;
    new Counter({
      name: 'nexus_broadcast_messages_total',
      help: 'Instance broadcast messages per channel, sent by this process or received from others',
      labelNames: ['channel', 'direction'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const m of broadcast.stats().messages)
          this.inc({ channel: m.channel, direction: m.direction }, m.count);
      },
    });
    new Counter({
      name: 'nexus_broadcast_ack_timeouts_total',
      help: 'Broadcasts per channel not acknowledged by every live instance within their time-out',
      labelNames: ['channel'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const t of broadcast.stats().ackTimeouts) this.inc({ channel: t.channel }, t.count);
      },
    });
    const redis = this.redis;
    new Counter({
      name: 'nexus_redis_command_timeouts_total',
      help: 'Redis commands given up on because they outran their budget (cache, limits, queues, broadcast)',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(redis.commandTimeouts);
      },
    });
    // Limits count in memory exactly while the main Redis is degraded (RateLimitService). Guarded:
    // another module may register the same contract name first.
    if (!this.registry.getSingleMetric('nexus_rate_limit_degraded')) {
      new Gauge({
        name: 'nexus_rate_limit_degraded',
        help: '1 while rate limits count in process memory because Redis is not answering',
        registers: [this.registry],
        collect() {
          this.set(redis.enabled && redis.degraded ? 1 : 0);
        },
      });
    }
    new Gauge({
      name: 'nexus_redis_degraded',
      help: '1 while the main Redis is not answering in time and callers use their fallbacks',
      registers: [this.registry],
      collect() {
        this.set(redis.degraded ? 1 : 0);
      },
    });
    const dataSource = this.dataSource;
    new Gauge({
      name: 'nexus_db_pool_waiting',
      help: 'Requests waiting for a database connection from the pool',
      registers: [this.registry],
      collect() {
        const pool = (dataSource.driver as unknown as { master?: { waitingCount?: number } })
          .master;
        this.set(pool?.waitingCount ?? 0);
      },
    });
    new Counter({
      name: 'nexus_db_unavailable_total',
      help: 'Requests answered 503 because the database was unavailable or timed out',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(databaseFaults.unavailable);
      },
    });
    this.registerOutboxMetrics();
    this.registerQueueMetrics();
    const queues = this.queues;
    new Gauge({
      name: 'nexus_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const name of queues.names()) {
          const counts = await queues
            .raw(name)!
            .counts()
            .catch(() => ({}) as Record<string, number>);
          for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
        }
      },
    });
  }

  /**
   * Job durations and failures of the jobs this process runs (the worker in full mode, the api in
   * embedded mode); the age of each queue's oldest waiting job; email deliveries per status.
   */
  private registerQueueMetrics(): void {
    const duration = new Histogram({
      name: 'nexus_queue_job_duration_seconds',
      help: 'Duration of job runs (every attempt) per queue, in the process that ran them',
      labelNames: ['queue'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [this.registry],
    });
    const failed = new Counter({
      name: 'nexus_queue_jobs_failed_total',
      help: 'Job runs that threw (each failed attempt) per queue, in the process that ran them',
      labelNames: ['queue'] as const,
      registers: [this.registry],
    });
    this.queueStats.observe((queue, seconds, outcome) => {
      duration.observe({ queue }, seconds);
      if (outcome === 'failed') failed.inc({ queue });
    });
    const queues = this.queues;
    new Gauge({
      name: 'nexus_queue_oldest_waiting_seconds',
      help: 'How long the oldest waiting job of each queue has waited (0 when none waits)',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const name of queues.names()) {
          const ms = await queues
            .raw(name)!
            .oldestWaitingMs?.()
            .catch(() => undefined);
          if (ms !== undefined) this.set({ queue: name }, (ms ?? 0) / 1000);
        }
      },
    });
    const deliveries = this.deliveries;
    new Gauge({
      name: 'nexus_email_deliveries',
      help: 'Email deliveries per status (queued, sending, sent, failed, dead)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await deliveries.countByStatus().catch(() => undefined);
        if (!counts) return;
        for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
      },
    });
  }

  /** Outbox gauges read the table (every process's events); the counter is this process's. */
  private registerOutboxMetrics(): void {
    const outbox = this.outbox;
    let stats: Promise<{ pending: number; oldestSeconds: number }> | undefined;
    // Both gauges come from one query per scrape.
    const read = () =>
      (stats ??= outbox.pendingStats().finally(() => setImmediate(() => (stats = undefined))));
    new Gauge({
      name: 'nexus_outbox_pending',
      help: 'Domain events in the outbox not yet delivered to every listener',
      registers: [this.registry],
      async collect() {
        const s = await read().catch(() => undefined);
        if (s) this.set(s.pending);
      },
    });
    new Gauge({
      name: 'nexus_outbox_oldest_pending_seconds',
      help: 'Age of the oldest undelivered domain event in the outbox (0 when none)',
      registers: [this.registry],
      async collect() {
        const s = await read().catch(() => undefined);
        if (s) this.set(s.oldestSeconds);
      },
    });
    new Counter({
      name: 'nexus_outbox_delivered_total',
      help: 'Outbox events this process delivered to every listener',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(outbox.delivered);
      },
    });
  }

  /**
   * One observation per request. The labelled child of each (method, route template, status) is
   * kept, so the hot path is a map lookup instead of prom-client hashing the label object on
   * every call. Routes are templates (`/articles/:slug`), so the set stays small; unmatched
   * requests share one route label.
   */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe(method, route, status, seconds);
  }
}
