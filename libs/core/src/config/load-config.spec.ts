import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modeOf } from './app-config';
import { ConfigError, loadConfig, tracingSettings } from './load-config';

const tmp = () => mkdtempSync(join(tmpdir(), 'nexus-config-'));
const STRONG = 'x'.repeat(40);

describe('loadConfig', () => {
  it('defaults to embedded mode with a generated, persisted JWT secret', () => {
    const dataDir = tmp();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(modeOf(config)).toBe('embedded');
    expect(config.dbMigrate).toBe(true);
    expect(config.runWorkers).toBe(true);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(48);
    expect(readFileSync(join(dataDir, '.jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    // A second start reuses the same secret, so issued tokens stay valid.
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('switches to full mode with DATABASE_URL and REDIS_URL, workers off in the api by default', () => {
    const config = loadConfig({
      DATA_DIR: tmp(),
      DATABASE_URL: 'postgres://u:p@db:5432/nexus',
      REDIS_URL: 'redis://cache:6379/2',
      JWT_SECRET: STRONG,
    });
    expect(modeOf(config)).toBe('full');
    expect(config.dbMigrate).toBe(false);
    expect(config.runWorkers).toBe(false);
    expect(config.seedDemoData).toBe(false);
  });

  it('puts the cache on REDIS_URL unless REDIS_CACHE_URL names another Redis', () => {
    const base = { DATA_DIR: tmp(), REDIS_URL: 'redis://queue:6379' };
    expect(loadConfig(base).redisCacheUrl).toBe('redis://queue:6379');
    expect(loadConfig({ ...base, REDIS_CACHE_URL: 'redis://cache:6379/5' }).redisCacheUrl).toBe(
      'redis://cache:6379/5',
    );
    expect(loadConfig({ DATA_DIR: tmp() }).redisCacheUrl).toBeUndefined();
    expect(() => loadConfig({ DATA_DIR: tmp(), REDIS_CACHE_URL: 'redis://cache:6379' })).toThrow(
      /REDIS_CACHE_URL: needs REDIS_URL/,
    );
    expect(() => loadConfig({ ...base, REDIS_CACHE_URL: 'http://cache' })).toThrow(
      /REDIS_CACHE_URL: protocol/,
    );
  });

  it('mirrors generation tokens unless CACHE_TOKEN_MIRROR=false', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).cacheTokenMirror).toBe(true);
    expect(loadConfig({ DATA_DIR: tmp(), CACHE_TOKEN_MIRROR: 'false' }).cacheTokenMirror).toBe(
      false,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), CACHE_TOKEN_MIRROR: 'sometimes' })).toThrow(
      /CACHE_TOKEN_MIRROR: must be true or false/,
    );
  });

  it('names every bad variable in one error', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        DATA_DIR: tmp(),
        PORT: 'eighty',
        NODE_ENV: 'staging',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: '::::',
        TRUSTED_PROXIES: '10.0.0.0/8, nonsense, 10.0.0.0/99',
        LOG_LEVEL: 'loud',
        LOG_REQUESTS: 'maybe',
        JWT_SECRET: 'short',
        ADMIN_EMAIL: 'admin@example.com',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.message;
    for (const name of [
      'PORT',
      'NODE_ENV',
      'DATABASE_URL',
      'REDIS_URL',
      'TRUSTED_PROXIES: "nonsense"',
      'TRUSTED_PROXIES: "10.0.0.0/99"',
      'LOG_LEVEL',
      'LOG_REQUESTS',
      'JWT_SECRET',
      'ADMIN_EMAIL and ADMIN_PASSWORD',
    ]) {
      expect(text).toContain(name);
    }
    expect(error!.problems).toHaveLength(10);
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: required/,
    );
    expect(
      loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production', JWT_SECRET: STRONG }).jwtSecret,
    ).toBe(STRONG);
  });

  it('reads secrets from NAME_FILE (Docker secrets)', () => {
    const dir = tmp();
    const file = join(dir, 'jwt');
    writeFileSync(file, `${STRONG}\n`);
    expect(loadConfig({ DATA_DIR: dir, JWT_SECRET_FILE: file }).jwtSecret).toBe(STRONG);
    expect(() => loadConfig({ DATA_DIR: dir, JWT_SECRET_FILE: join(dir, 'missing') })).toThrow(
      /JWT_SECRET_FILE/,
    );
  });

  it('does not echo secret values in its error messages', () => {
    try {
      loadConfig({
        DATA_DIR: tmp(),
        JWT_SECRET: 'tooshort-secret',
        ADMIN_EMAIL: 'a@b.c',
        ADMIN_PASSWORD: 'pw',
      });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect((e as Error).message).not.toContain('tooshort-secret');
      expect((e as Error).message).not.toMatch(/\bpw\b/);
    }
  });

  it('parses trusted proxies and booleans', () => {
    const config = loadConfig({
      DATA_DIR: tmp(),
      TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1 ,2001:db8::/32',
      LOG_REQUESTS: 'yes',
    });
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.1', '2001:db8::/32']);
    expect(config.logRequests).toBe(true);
  });

  it('leaves HSTS off by default and bounds HSTS_MAX_AGE', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).hstsMaxAgeSeconds).toBe(0);
    expect(loadConfig({ DATA_DIR: tmp(), HSTS_MAX_AGE: '31536000' }).hstsMaxAgeSeconds).toBe(
      31_536_000,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), HSTS_MAX_AGE: '-1' })).toThrow(/HSTS_MAX_AGE/);
    expect(() => loadConfig({ DATA_DIR: tmp(), HSTS_MAX_AGE: 'forever' })).toThrow(/HSTS_MAX_AGE/);
  });

  it('turns docs off in production by default and checks METRICS_TOKEN', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).docsEnabled).toBe(true);
    const production = { DATA_DIR: tmp(), NODE_ENV: 'production', JWT_SECRET: STRONG };
    expect(loadConfig(production).docsEnabled).toBe(false);
    expect(loadConfig({ ...production, DOCS_ENABLED: 'true' }).docsEnabled).toBe(true);
    expect(loadConfig(production).metricsToken).toBeUndefined();
    expect(() => loadConfig({ ...production, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('bounds registrations and dependency time-outs, with production-safe defaults', () => {
    expect(loadConfig({ DATA_DIR: tmp() })).toMatchObject({
      registerLimitPerIp: 10,
      registerLimitGlobal: 1000,
      dbStatementTimeoutMs: 10_000,
      dbPoolAcquireTimeoutMs: 3000,
      redisCommandTimeoutMs: 1000,
    });
    const set = loadConfig({
      DATA_DIR: tmp(),
      REGISTER_LIMIT_PER_IP: '3',
      DB_STATEMENT_TIMEOUT_MS: '500',
      REDIS_COMMAND_TIMEOUT_MS: '300',
    });
    expect(set).toMatchObject({
      registerLimitPerIp: 3,
      dbStatementTimeoutMs: 500,
      redisCommandTimeoutMs: 300,
    });
    for (const name of [
      'REGISTER_LIMIT_PER_IP',
      'DB_POOL_ACQUIRE_TIMEOUT_MS',
      'REDIS_COMMAND_TIMEOUT_MS',
    ])
      expect(() => loadConfig({ DATA_DIR: tmp(), [name]: '0' })).toThrow(new RegExp(name));
  });

  it('reads the tracing settings: unset endpoint means off; bad values are refused', () => {
    const off = loadConfig({ DATA_DIR: tmp() });
    expect(off).toMatchObject({ otelEndpoint: undefined, otelProtocol: 'http/protobuf' });
    expect(tracingSettings({})).toBeUndefined();
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'api-eu',
    };
    expect(loadConfig({ DATA_DIR: tmp(), ...env })).toMatchObject({
      otelEndpoint: 'http://jaeger:4318',
      otelProtocol: 'http/json',
      otelServiceName: 'api-eu',
    });
    expect(tracingSettings(env)).toEqual({
      otelEndpoint: 'http://jaeger:4318',
      otelProtocol: 'http/json',
      otelServiceName: 'api-eu',
    });
    for (const bad of [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' },
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://jaeger' },
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
    ]) {
      expect(() => loadConfig({ DATA_DIR: tmp(), ...bad })).toThrow(/OTEL_EXPORTER_OTLP_/);
      // The preload starts nothing; loadConfig then stops the process with the message above.
      expect(tracingSettings(bad)).toBeUndefined();
    }
  });

  it('reads WORKER_METRICS_PORT: unset means no worker listener', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).workerMetricsPort).toBeUndefined();
    expect(loadConfig({ DATA_DIR: tmp(), WORKER_METRICS_PORT: '9464' }).workerMetricsPort).toBe(
      9464,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), WORKER_METRICS_PORT: '0' })).toThrow(
      /WORKER_METRICS_PORT/,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), WORKER_METRICS_PORT: 'x' })).toThrow(
      /WORKER_METRICS_PORT/,
    );
  });

  it('reads the blacklist and rate-limit settings, refusing bad lists', () => {
    const base = { JWT_SECRET: STRONG, DATA_DIR: tmp() };
    const config = loadConfig(base);
    expect(config.allowlistCidrs).toEqual(['127.0.0.0/8', '::1/128']);
    expect(config.autoBlockDurationsSeconds).toEqual([3600, 4 * 3600, 24 * 3600]);
    expect(config.anomalyPolicy).toBe('flag');
    expect([config.rateLimitPerIp, config.rateLimitPerUser]).toEqual([300, 1000]);
    expect(loadConfig({ ...base, ALLOWLIST_CIDRS: 'none' }).allowlistCidrs).toEqual([]);
    expect(
      loadConfig({ ...base, AUTO_BLOCK_DURATIONS: '30m, 2h,7d' }).autoBlockDurationsSeconds,
    ).toEqual([1800, 7200, 7 * 86_400]);
    expect(() => loadConfig({ ...base, ALLOWLIST_CIDRS: '10.0.0.0/33' })).toThrow(
      /ALLOWLIST_CIDRS/,
    );
    expect(() => loadConfig({ ...base, AUTO_BLOCK_DURATIONS: '1h,soon' })).toThrow(
      /AUTO_BLOCK_DURATIONS/,
    );
    expect(() => loadConfig({ ...base, ANOMALY_POLICY: 'ban' })).toThrow(/ANOMALY_POLICY/);
  });
});
