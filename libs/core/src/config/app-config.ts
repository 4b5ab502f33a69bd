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
  /** Strict-Transport-Security max-age in seconds; 0 = no HSTS header (set it only behind TLS). */
  hstsMaxAgeSeconds: number;
  /** Serve Swagger UI at /docs and the OpenAPI document at /docs-json(-yaml). */
  docsEnabled: boolean;
  /**
   * Bearer token for /metrics and the per-dependency detail of /health/ready. Unset: open outside
   * production; in production /metrics is off and readiness answers its status only.
   */
  metricsToken?: string;
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
