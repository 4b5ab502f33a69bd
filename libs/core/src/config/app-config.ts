/** Typed, validated configuration of one Nexus process. Built once by `loadConfig()`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL URL; undefined = embedded PGlite in `dataDir/pglite`. */
  databaseUrl?: string;
  /** Run pending migrations at start-up (always true in embedded mode). */
  dbMigrate: boolean;
  /** Redis URL; undefined = in-process cache, limits and queues. Queues, limits, broadcast. */
  redisUrl?: string;
  /**
   * Redis of the cache (CacheService, its string store, content's generation tokens); defaults
   * to `redisUrl`. A separate server can evict freely (`allkeys-lru`) while the queue Redis must
   * not (`noeviction`): see docs/deployment.md.
   */
  redisCacheUrl?: string;
  /** Prefix of every Redis key (cache, queues, limits), so several deployments can share one Redis. */
  redisPrefix: string;
  /** SMTP URL; undefined = `.eml` files in `dataDir/outbox`. */
  smtpUrl?: string;
  mailFrom: string;
  jwtSecret: string;
  jwtAccessTtlSeconds: number;
  jwtRefreshTtlSeconds: number;
  trustedProxies: string[];
  adminEmail?: string;
  adminPassword?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Log one line per HTTP request (the security request log is separate). */
  logRequests: boolean;
  bodyLimitBytes: number;
  /** Whether this process runs queue processors (api in embedded mode, worker in full mode). */
  runWorkers: boolean;
  /** Seed demo data at start-up when the database is empty. */
  seedDemoData: boolean;
  publicUrl: string;
  cacheTtlSeconds: number;
  /**
   * Full mode: each api instance keeps a copy of content's generation tokens, kept exact by
   * acknowledged invalidation (docs/content.md). Off: every cached read takes them from Redis.
   */
  cacheTokenMirror: boolean;
  mailMaxAttempts: number;
  mailBackoffMs: number;
  shutdownTimeoutMs: number;
  /**
   * On SIGTERM the api answers 503 on /health/ready for this long, still serving everything else,
   * before it stops accepting connections (load balancers take it out of rotation meanwhile).
   */
  shutdownReadinessGraceMs: number;
  /** Strict-Transport-Security max-age in seconds; 0 = no HSTS header (set it only behind TLS). */
  hstsMaxAgeSeconds: number;
  /** Serve Swagger UI at /docs and the OpenAPI document at /docs-json(-yaml). */
  docsEnabled: boolean;
  /**
   * Bearer token for /metrics and the per-dependency detail of /health/ready. Unset: open outside
   * production; in production /metrics is off and readiness answers its status only.
   */
  metricsToken?: string;
  /** Registrations accepted per client IP per hour (429 with Retry-After beyond). */
  registerLimitPerIp: number;
  /** Registrations accepted in total per hour, all clients together. */
  registerLimitGlobal: number;
  /** Full mode: PostgreSQL `statement_timeout`; the client also gives up 1 s after it. */
  dbStatementTimeoutMs: number;
  /** Full mode: how long a request waits for a pooled connection (or a new one) before a 503. */
  dbPoolAcquireTimeoutMs: number;
  /** Budget of one Redis command on request paths (limits, queue producers, broadcast, health). */
  redisCommandTimeoutMs: number;
  /**
   * Worker process only: port of its own `/metrics` (and `/health/live`) listener, on `host`.
   * Unset: no listener (several workers on one host would collide on a fixed default).
   */
  workerMetricsPort?: number;
  /**
   * OpenTelemetry traces: OTLP/HTTP base URL of a collector (`/v1/traces` is appended); unset =
   * tracing off and its SDK never loaded. Read before the app loads (libs/core/src/tracing).
   */
  otelEndpoint?: string;
  /** OTLP encoding of exported spans: protobuf (the default) or JSON. */
  otelProtocol: 'http/protobuf' | 'http/json';
  /** `service.name` of this process's spans; unset = `nexus-api` or `nexus-worker`. */
  otelServiceName?: string;
  /** Open notification streams (SSE) per user and api instance; one more is refused (429). */
  notificationsMaxStreams: number;
  /** Interval of the SSE heartbeat comment (keeps proxies from closing an idle stream). */
  notificationsHeartbeatMs: number;
  /** Embedded mode: how often the current digest runs are queued; 0 = never (full: job schedulers). */
  notificationsDigestCheckMs: number;
  /** How often the outbox relay looks for undelivered domain events (ms). */
  outboxPollMs: number;
  /** Base of the exponential backoff before a failed outbox listener is called again (ms). */
  outboxBackoffMs: number;
  /** Delivered outbox events are kept this long (hours), then pruned. */
  outboxRetentionHours: number;
  /** Security request log (docs/security-analytics.md): every request, written in batches. */
  requestLog: {
    enabled: boolean;
    /** Rows held in memory at most; beyond, rows are dropped and counted. */
    bufferSize: number;
    /** Rows per INSERT; a full batch is written at once, a partial one every `flushMs`. */
    batchSize: number;
    flushMs: number;
    retentionDays: number;
    rollupRetentionDays: number;
  };
  /** Geolocation of logged addresses with geoip-lite, where queue workers run. */
  geoipEnabled: boolean;
  /** Anomaly rules over the request-log rollups and login events (docs/security-analytics.md). */
  anomaly: {
    /** Rule names that run; the others are off. */
    rules: string[];
    requestsPerHour: number;
    sensitivePaths: string[];
    sensitivePathHits: number;
    probingPaths: number;
    stuffingAccounts: number;
    /** Fastest plausible travel between two logins of one account, km/h. */
    travelKmh: number;
  };
  /** Security: addresses never blocked nor globally rate limited (CIDRs; default loopback). */
  allowlistCidrs: string[];
  /** Security: count what the blacklist would refuse without refusing it. */
  blacklistDryRun: boolean;
  /** Security: how often each api instance reloads the blacklist besides broadcasts (seconds). */
  blocksRefreshSeconds: number;
  /** Security: what an anomaly finding does (`flag`: record and alert; `block`: auto-block too). */
  anomalyPolicy: 'off' | 'flag' | 'block';
  /** Security: durations of an address's successive auto blocks in seconds; the last is the cap. */
  autoBlockDurationsSeconds: number[];
  /** Security: global limit per client IP (IPv6 per /64) per window; 0 = off. */
  rateLimitPerIp: number;
  /** Security: global limit per authenticated user per window; 0 = off. */
  rateLimitPerUser: number;
  /** Security: the global limit's window in seconds. */
  rateLimitWindowSeconds: number;
  /** Security, full mode: how often local counts are reconciled with Redis (milliseconds). */
  rateLimitSyncMs: number;
  /** Security: count what the global and route limits would refuse without refusing it. */
  rateLimitDryRun: boolean;
  /** Security: the named route limits (`@Throttle`: auth, writes, per-email) are enforced. */
  rateLimitRoutes: boolean;
  /** Serve the GraphiQL IDE at /graphiql (its assets from this app). */
  graphiqlEnabled: boolean;
  /** Answer GraphQL introspection queries (`__schema`, `__type`). */
  graphqlIntrospection: boolean;
  /** Limits of one GraphQL request (docs/api.md#graphql). */
  graphqlMaxDepth: number;
  graphqlMaxCost: number;
  graphqlMaxAliases: number;
  graphqlMaxBatch: number;
  graphqlMaxQueryBytes: number;
}

export type AppMode = 'embedded' | 'full';

/** Embedded when neither PostgreSQL nor Redis is configured; full otherwise. */
export function modeOf(config: Pick<AppConfig, 'databaseUrl' | 'redisUrl'>): AppMode {
  return config.databaseUrl || config.redisUrl ? 'full' : 'embedded';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
