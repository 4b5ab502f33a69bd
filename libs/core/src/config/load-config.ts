import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { AppConfig } from './app-config';

type Env = Record<string, string | undefined>;

/** Thrown at start-up when one or more variables are invalid; the message names each one. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
/** OTLP/HTTP encodings the trace exporter speaks (gRPC is not shipped). */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
const MIN_SECRET_LENGTH = 32;
/** Security-analytics anomaly rules (libs/security-analytics/src/anomaly). */
export const ANOMALY_RULES = [
  'requests-per-hour',
  'sensitive-paths',
  'probing',
  'credential-stuffing',
  'impossible-travel',
] as const;
const SENSITIVE_PATHS = [
  '/admin',
  '/login',
  '/wp-admin',
  '/wp-login.php',
  '/.env',
  '/phpmyadmin',
  '/.git',
];

/**
 * Reads every setting once from the environment, validates it and returns a typed config.
 * `NAME_FILE` (Docker secrets) is accepted for each secret-bearing variable.
 * Throws ConfigError listing every bad variable, so one start-up shows all problems.
 */
export function loadConfig(env: Env = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const file = env[`${name}_FILE`];
    if (file) {
      try {
        return readFileSync(file, 'utf8').trim();
      } catch (e) {
        problems.push(`${name}_FILE: cannot read ${file} (${(e as Error).message})`);
        return undefined;
      }
    }
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = read(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`${name}: must be one of ${allowed.join(', ')} (got "${v}")`);
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = read(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}: must be an integer between ${min} and ${max} (got "${v}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = read(name);
    if (v === undefined) return fallback;
    if (['true', '1', 'yes'].includes(v.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(v.toLowerCase())) return false;
    problems.push(`${name}: must be true or false (got "${v}")`);
    return fallback;
  };
  const list = (name: string, fallback: string): string[] =>
    (read(name) ?? fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const url = (name: string, protocols: string[]): string | undefined => {
    const v = read(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${name}: protocol must be ${protocols.join(' or ')} (got "${u.protocol}")`);
      }
    } catch {
      problems.push(`${name}: not a valid URL`);
    }
    return v;
  };

  // A comma-separated CIDR list; `none` for an empty one (an empty value means the default).
  const cidrList = (name: string, v: string | undefined, fallback: string[]): string[] => {
    if (v === undefined) return fallback;
    if (v.trim().toLowerCase() === 'none') return [];
    const list = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const cidr of list) {
      const [addr, bits, extra] = cidr.split('/');
      const max = isIP(addr) === 6 ? 128 : 32;
      if (
        !isIP(addr) ||
        extra !== undefined ||
        (bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > max))
      )
        problems.push(`${name}: "${cidr}" is not an IP address or CIDR block`);
    }
    return list;
  };
  // Durations such as `1h,4h,24h` (units s, m, h, d), increasing, in seconds.
  const durationList = (name: string, v: string | undefined, fallback: string): number[] => {
    const text = v ?? fallback;
    const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
    const list = text.split(',').map((s) => {
      const m = /^\s*(\d+)\s*([smhd])\s*$/.exec(s);
      return m ? Number(m[1]) * units[m[2]] : NaN;
    });
    if (list.some((n) => !Number.isInteger(n) || n < 1 || n > 365 * 86_400)) {
      problems.push(
        `${name}: must be durations like 1h,4h,24h (s, m, h, d; up to 365d), got "${text}"`,
      );
      return [3600];
    }
    return list;
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const production = nodeEnv === 'production';
  const dataDir = resolve(read('DATA_DIR') ?? './data');
  const port = int('PORT', 3000, 0, 65535);
  const host = read('HOST') ?? '0.0.0.0';
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const redisCacheUrl = url('REDIS_CACHE_URL', ['redis:', 'rediss:']);
  if (redisCacheUrl && !redisUrl) {
    problems.push('REDIS_CACHE_URL: needs REDIS_URL too (queues, limits and broadcast live there)');
  }
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);

  const trustedProxies = (read('TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const cidr of trustedProxies) {
    const [addr, bits, extra] = cidr.split('/');
    const family = isIP(addr);
    const max = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && !/^\d+$/.test(bits)) ||
      Number(bits) > max
    ) {
      problems.push(`TRUSTED_PROXIES: "${cidr}" is not an IP address or CIDR block`);
    }
  }

  const jwtSecret = read('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH) {
    problems.push(`JWT_SECRET: must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (jwtSecret === undefined && production) {
    problems.push('JWT_SECRET: required when NODE_ENV=production (or JWT_SECRET_FILE)');
  }

  const metricsToken = read('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) {
    problems.push('METRICS_TOKEN: must be at least 16 characters');
  }

  const adminEmail = read('ADMIN_EMAIL');
  const adminPassword = read('ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (adminEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
    problems.push('ADMIN_EMAIL: not an email address');
  }
  if (adminPassword !== undefined && adminPassword.length < 12) {
    problems.push('ADMIN_PASSWORD: must be at least 12 characters');
  }

  const anomalyRules = (read('ANOMALY_RULES') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const rule of anomalyRules) {
    if (!(ANOMALY_RULES as readonly string[]).includes(rule)) {
      problems.push(`ANOMALY_RULES: unknown rule "${rule}" (rules: ${ANOMALY_RULES.join(', ')})`);
    }
  }
  for (const path of (read('ANOMALY_SENSITIVE_PATHS') ?? '').split(',').map((s) => s.trim())) {
    if (path && !path.startsWith('/')) {
      problems.push(`ANOMALY_SENSITIVE_PATHS: "${path}" must start with /`);
    }
  }
  const allowlistCidrs = cidrList('ALLOWLIST_CIDRS', read('ALLOWLIST_CIDRS'), [
    '127.0.0.0/8',
    '::1/128',
  ]);
  const autoBlockDurationsSeconds = durationList(
    'AUTO_BLOCK_DURATIONS',
    read('AUTO_BLOCK_DURATIONS'),
    '1h,4h,24h',
  );

  const config: AppConfig = {
    nodeEnv,
    host,
    port,
    dataDir,
    databaseUrl,
    dbMigrate: databaseUrl ? bool('DB_MIGRATE', false) : true,
    redisUrl,
    redisCacheUrl: redisUrl ? (redisCacheUrl ?? redisUrl) : undefined,
    redisPrefix: read('REDIS_PREFIX') ?? 'nexus',
    smtpUrl,
    mailFrom: read('MAIL_FROM') ?? 'Nexus <no-reply@nexus.local>',
    jwtSecret: jwtSecret ?? '',
    jwtAccessTtlSeconds: int('JWT_ACCESS_TTL', 900, 60, 86_400),
    jwtRefreshTtlSeconds: int('JWT_REFRESH_TTL', 30 * 86_400, 3600, 365 * 86_400),
    trustedProxies,
    adminEmail,
    adminPassword,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logRequests: bool('LOG_REQUESTS', false),
    bodyLimitBytes: int('BODY_LIMIT', 1_048_576, 1024, 100 * 1_048_576),
    runWorkers: bool('RUN_WORKERS', !redisUrl),
    seedDemoData: bool('SEED_DEMO_DATA', !databaseUrl),
    publicUrl: read('PUBLIC_URL') ?? `http://localhost:${port}`,
    cacheTtlSeconds: int('CACHE_TTL', 60, 1, 86_400),
    cacheTokenMirror: bool('CACHE_TOKEN_MIRROR', true),
    mailMaxAttempts: int('MAIL_MAX_ATTEMPTS', 5, 1, 50),
    mailBackoffMs: int('MAIL_BACKOFF_MS', 2000, 10, 3_600_000),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    // Full mode runs behind load balancers that must see readiness fail before the api stops
    // accepting; embedded mode is one process nobody balances.
    shutdownReadinessGraceMs: int(
      'SHUTDOWN_READINESS_GRACE_MS',
      databaseUrl || redisUrl ? 5000 : 0,
      0,
      120_000,
    ),
    hstsMaxAgeSeconds: int('HSTS_MAX_AGE', 0, 0, 2 * 365 * 86_400),
    docsEnabled: bool('DOCS_ENABLED', !production),
    metricsToken,
    registerLimitPerIp: int('REGISTER_LIMIT_PER_IP', 10, 1, 1_000_000),
    registerLimitGlobal: int('REGISTER_LIMIT_GLOBAL', 1000, 1, 10_000_000),
    dbStatementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    dbPoolAcquireTimeoutMs: int('DB_POOL_ACQUIRE_TIMEOUT_MS', 3000, 100, 120_000),
    redisCommandTimeoutMs: int('REDIS_COMMAND_TIMEOUT_MS', 1000, 50, 60_000),
    workerMetricsPort:
      read('WORKER_METRICS_PORT') === undefined
        ? undefined
        : int('WORKER_METRICS_PORT', 0, 1, 65535),
    otelEndpoint: url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
    otelProtocol: oneOf('OTEL_EXPORTER_OTLP_PROTOCOL', OTLP_PROTOCOLS, 'http/protobuf'),
    otelServiceName: read('OTEL_SERVICE_NAME'),
    notificationsMaxStreams: int('NOTIFICATIONS_MAX_STREAMS', 5, 1, 100),
    notificationsHeartbeatMs: int('NOTIFICATIONS_HEARTBEAT_MS', 15_000, 50, 300_000),
    notificationsDigestCheckMs: int('NOTIFICATIONS_DIGEST_CHECK_MS', 600_000, 0, 86_400_000),
    outboxPollMs: int('OUTBOX_POLL_MS', 1000, 10, 600_000),
    outboxBackoffMs: int('OUTBOX_BACKOFF_MS', 1000, 10, 3_600_000),
    outboxRetentionHours: int('OUTBOX_RETENTION_HOURS', 24, 1, 24 * 365),
    requestLog: {
      enabled: bool('REQUEST_LOG_ENABLED', true),
      bufferSize: int('REQUEST_LOG_BUFFER_SIZE', 100_000, 100, 10_000_000),
      batchSize: int('REQUEST_LOG_BATCH_SIZE', 2000, 1, 50_000),
      flushMs: int('REQUEST_LOG_FLUSH_MS', 1000, 10, 60_000),
      retentionDays: int('REQUEST_LOG_RETENTION_DAYS', 30, 1, 3650),
      rollupRetentionDays: int('REQUEST_LOG_ROLLUP_RETENTION_DAYS', 400, 1, 3650),
    },
    geoipEnabled: bool('GEOIP_ENABLED', true),
    anomaly: {
      rules: list('ANOMALY_RULES', ANOMALY_RULES.join(',')),
      requestsPerHour: int('ANOMALY_REQUESTS_PER_HOUR', 100, 1, 10_000_000),
      sensitivePaths: list('ANOMALY_SENSITIVE_PATHS', SENSITIVE_PATHS.join(',')),
      sensitivePathHits: int('ANOMALY_SENSITIVE_PATH_HITS', 1, 1, 1_000_000),
      probingPaths: int('ANOMALY_PROBING_PATHS', 10, 1, 100_000),
      stuffingAccounts: int('ANOMALY_STUFFING_ACCOUNTS', 5, 1, 100_000),
      travelKmh: int('ANOMALY_TRAVEL_KMH', 1000, 1, 100_000),
    },
    allowlistCidrs,
    blacklistDryRun: bool('BLACKLIST_DRY_RUN', false),
    blocksRefreshSeconds: int('BLOCKS_REFRESH_SECONDS', 60, 1, 3600),
    anomalyPolicy: oneOf('ANOMALY_POLICY', ['off', 'flag', 'block'] as const, 'flag'),
    autoBlockDurationsSeconds,
    rateLimitPerIp: int('RATE_LIMIT_PER_IP', 300, 0, 1_000_000_000),
    rateLimitPerUser: int('RATE_LIMIT_PER_USER', 1000, 0, 1_000_000_000),
    rateLimitWindowSeconds: int('RATE_LIMIT_WINDOW', 60, 1, 3600),
    rateLimitSyncMs: int('RATE_LIMIT_SYNC_MS', 100, 10, 10_000),
    rateLimitDryRun: bool('RATE_LIMIT_DRY_RUN', false),
    rateLimitRoutes: bool('RATE_LIMIT_ROUTES', true),
    graphiqlEnabled: bool('GRAPHIQL_ENABLED', !production),
    graphqlIntrospection: bool('GRAPHQL_INTROSPECTION', !production),
    graphqlMaxDepth: int('GRAPHQL_MAX_DEPTH', 10, 2, 50),
    graphqlMaxCost: int('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
    graphqlMaxAliases: int('GRAPHQL_MAX_ALIASES', 20, 1, 1000),
    graphqlMaxBatch: int('GRAPHQL_MAX_BATCH', 10, 1, 100),
    graphqlMaxQueryBytes: int('GRAPHQL_MAX_QUERY_BYTES', 16_384, 256, 1_048_576),
    ...overrides,
  };

  if (problems.length) throw new ConfigError(problems);
  if (!config.jwtSecret) config.jwtSecret = persistentSecret(config.dataDir, 'jwt-secret');
  return config;
}

/**
 * The tracing settings alone, read before anything else is loaded (libs/core/src/tracing): no
 * secret files, no side effects. Undefined when tracing is off or a value is invalid; loadConfig
 * reports invalid values when the app starts.
 */
export function tracingSettings(
  env: Env = process.env,
): Pick<AppConfig, 'otelEndpoint' | 'otelProtocol' | 'otelServiceName'> | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
  if (!endpoint) return undefined;
  try {
    if (!['http:', 'https:'].includes(new URL(endpoint).protocol)) return undefined;
  } catch {
    return undefined;
  }
  const protocol = env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf';
  if (!(OTLP_PROTOCOLS as readonly string[]).includes(protocol)) return undefined;
  return {
    otelEndpoint: endpoint,
    otelProtocol: protocol as AppConfig['otelProtocol'],
    otelServiceName: env.OTEL_SERVICE_NAME || undefined,
  };
}

/** A random secret generated on first start and kept in DATA_DIR (embedded/dev mode only). */
function persistentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, `.${name}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
