import { EmbeddedPostgres } from '@nexus/core';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startBuiltApp, StartedProcess } from '../support/built-apps';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';

/**
 * The built api under load gets SIGTERM: every response a client received has its row in
 * request_log once the process has exited (the buffer is written after the HTTP server closed,
 * before the database does).
 */
describe.each(testModes())('request log at SIGTERM (%s)', (mode) => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let api: StartedProcess | undefined;

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no row: rows == responses served', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nexus-sigterm-'));
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      JWT_SECRET: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      // Rows stay in the buffer until shutdown unless a batch fills: the flush at SIGTERM is what is tested.
      REQUEST_LOG_FLUSH_MS: '60000',
      // No readiness grace: shutdown begins at the signal (the grace has its own infra test).
      SHUTDOWN_READINESS_GRACE_MS: '0',
    };
    if (mode === 'embedded') {
      const template = process.env.NEXUS_PGLITE_TEMPLATE;
      if (template) cpSync(template, join(dataDir, 'pglite'), { recursive: true });
    } else {
      database = await createTestDatabase();
      Object.assign(env, {
        DATABASE_URL: database.url,
        REDIS_URL: process.env.TEST_REDIS_URL,
        REDIS_PREFIX: `t${randomBytes(5).toString('hex')}`,
        DB_MIGRATE: 'true',
      });
    }
    api = await startBuiltApp('api', {
      env,
      ready: { output: 'Nexus is running' },
      timeoutMs: 60_000,
    });
    const target = `http://127.0.0.1:${env.PORT}/health/live`;

    const ua = `sigterm-${randomBytes(4).toString('hex')}`;
    let served = 0;
    let stop = false;
    const loops = Array.from({ length: 8 }, async () => {
      while (!stop) {
        try {
          const res = await fetch(target, { headers: { 'user-agent': ua } });
          await res.arrayBuffer();
          served++;
        } catch {
          return; // connection refused or closed: the server has stopped taking requests
        }
      }
    });
    await waitUntil(() => served >= 300, { what: '300 responses before SIGTERM' });
    await api.stop('SIGTERM');
    stop = true;
    await Promise.all(loops);
    expect(served).toBeGreaterThanOrEqual(300);
    expect(api.output()).not.toMatch(/not written at shutdown/);

    let logged: number;
    if (mode === 'embedded') {
      const db = await EmbeddedPostgres.open(dataDir);
      const r = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM request_log WHERE user_agent = $1`,
        [ua],
      );
      logged = r.rows[0].n;
      await db.close();
    } else {
      const c = new Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      logged = (
        await c.query(`SELECT count(*)::int AS n FROM request_log WHERE user_agent = $1`, [ua])
      ).rows[0].n;
      await c.end();
    }
    expect(logged).toBe(served);
  }, 180_000);
});
