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
const MIN_SECRET_LENGTH = 32;

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
    hstsMaxAgeSeconds: int('HSTS_MAX_AGE', 0, 0, 2 * 365 * 86_400),
    docsEnabled: bool('DOCS_ENABLED', !production),
    metricsToken,
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

/** A random secret generated on first start and kept in DATA_DIR (embedded/dev mode only). */
function persistentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, `.${name}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
