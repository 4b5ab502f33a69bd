import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@nexus/core';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../apps/api/src/create-app';
import { closeWatched } from './close-watch';
import { createTestDatabase } from './databases';
import { Mailbox, outboxMailbox, startSmtpSink, SmtpSink } from './mailbox';
import { TestMode } from './modes';
import { deleteRedisPrefix } from './redis-prefix';

export interface TestApp {
  mode: TestMode;
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL of the listening server (http://127.0.0.1:PORT). */
  url: string;
  mailbox: Mailbox;
  smtp?: SmtpSink;
  /** Fastify inject: a real request through the whole pipeline, without a socket. */
  inject(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Reuse the database/Redis prefix of another test app (a second api instance). */
  shareWith?: TestApp;
  /** Start the HTTP listener (default true). */
  listen?: boolean;
  /** Rewrites the fresh test database's URL (e.g. to go through a TCP proxy). */
  rewriteDatabaseUrl?: (url: URL) => URL;
  /** Fixture modules added to the app. */
  imports?: (Type | DynamicModule)[];
}

const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

/** Boots the real api app in the given mode, on its own fresh database and Redis key prefix. */
export async function startTestApp(mode: TestMode, options: TestAppOptions = {}): Promise<TestApp> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const shared = options.shareWith;
  const dataDir = shared?.config.dataDir ?? mkdtempSync(join(tmpdir(), 'nexus-test-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_SECRET,
    SEED_DEMO_DATA: 'false',
    MAIL_BACKOFF_MS: '20',
    // Suites register many accounts from one address; the limits' own tests set them low.
    REGISTER_LIMIT_PER_IP: '100000',
    REGISTER_LIMIT_GLOBAL: '100000',
    // Suites send many auth requests from one address; rate-limit suites turn this back on.
    RATE_LIMIT_ROUTES: 'false',
  };
  let smtp: SmtpSink | undefined;

  if (mode === 'embedded') {
    if (shared) throw new Error('Embedded mode cannot share a database between two apps');
    const template = process.env.NEXUS_PGLITE_TEMPLATE;
    if (template) cpSync(template, join(dataDir, 'pglite'), { recursive: true });
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  } else {
    const redisUrl = process.env.TEST_REDIS_URL!;
    if (shared) {
      env.DATABASE_URL = shared.config.databaseUrl!;
      env.REDIS_PREFIX = shared.config.redisPrefix;
      env.SMTP_URL = shared.config.smtpUrl!;
      smtp = shared.smtp;
    } else {
      const database = await createTestDatabase();
      const url = new URL(database.url);
      env.DATABASE_URL = (options.rewriteDatabaseUrl?.(url) ?? url).toString();
      env.REDIS_PREFIX = `t${randomBytes(5).toString('hex')}`;
      smtp = await startSmtpSink();
      env.SMTP_URL = smtp.url;
      cleanups.push(() => database.drop());
      cleanups.push(() => deleteRedisPrefix(redisUrl, env.REDIS_PREFIX));
      cleanups.push(() => smtp!.close());
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    }
    env.REDIS_URL = options.env?.REDIS_URL ?? redisUrl;
    env.DB_MIGRATE = 'true';
    env.RUN_WORKERS = 'true';
  }

  const config = loadConfig({ ...env, ...options.env });
  const app = await createApp(config, options.imports);
  if (options.listen === false) await app.init();
  else await app.listen({ port: 0, host: '127.0.0.1' });
  const address = options.listen === false ? '' : app.getHttpServer().address();
  const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  const fastify = app.getHttpAdapter().getInstance();

  return {
    mode,
    app,
    config,
    url,
    smtp,
    mailbox: smtp ?? outboxMailbox(dataDir),
    inject: (opts) => fastify.inject(opts as InjectOptions),
    async close() {
      await closeWatched(app, `${mode} test app`);
      if (!shared) for (const c of cleanups.reverse()) await c();
    },
  };
}

/**
 * What a worker (the built process or an in-process WorkerModule) needs to share a full-mode
 * test app's database, Redis keys, mail and secret.
 */
export function workerEnvOf(api: TestApp): Record<string, string> {
  return {
    DATA_DIR: api.config.dataDir,
    DATABASE_URL: api.config.databaseUrl!,
    REDIS_URL: api.config.redisUrl!,
    REDIS_PREFIX: api.config.redisPrefix,
    SMTP_URL: api.config.smtpUrl!,
    JWT_SECRET: api.config.jwtSecret,
  };
}
