import { EmbeddedPostgres } from '@nexus/core';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';

const ROOT = join(__dirname, '../..');
const API_ENTRY = join(ROOT, 'dist/apps/api/apps/api/src/main.js');

/**
 * The built api under load gets SIGTERM: every response a client received has its row in
 * request_log once the process has exited (the buffer is written after the HTTP server closed,
 * before the database does).
 */
describe.each(testModes())('request log at SIGTERM (%s)', (mode) => {
  let dataDir: string;
  let dbName: string | undefined;
  let api: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {}, 180_000);

  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    if (dbName) {
      const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    }
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
      dbName = `nexus_t_${randomBytes(6).toString('hex')}`;
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${dbName}`;
      Object.assign(env, {
        DATABASE_URL: url.toString(),
        REDIS_URL: process.env.TEST_REDIS_URL,
        REDIS_PREFIX: `t${randomBytes(5).toString('hex')}`,
        DB_MIGRATE: 'true',
      });
    }
    api = spawn(process.execPath, [API_ENTRY], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (c) => (output += c));
    api.stderr!.on('data', (c) => (output += c));
    await waitUntil(() => output.includes('Nexus is running'), {
      timeoutMs: 60_000,
      what: 'api started',
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
    api.kill('SIGTERM');
    const closed = new Promise<void>((r) => api!.once('close', () => r()));
    await closed;
    stop = true;
    await Promise.all(loops);
    expect(served).toBeGreaterThanOrEqual(300);
    expect(output).not.toMatch(/not written at shutdown/);

    let logged: number;
    if (mode === 'embedded') {
      const db = await EmbeddedPostgres.open(dataDir);
      const r = await db.pglite.query<{ n: number }>(
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

/** A port nothing listens on right now (the api is started on it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
