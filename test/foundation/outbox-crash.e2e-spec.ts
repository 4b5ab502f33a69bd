import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { registerUser } from '../support/auth';
import { startSmtpSink, SmtpSink } from '../support/mailbox';
import { fullModeAvailable } from '../support/modes';
import { waitUntil } from '../support/sync';
import type { TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const API_ENTRY = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
/** The advisory lock the test holds while the api's claim of the outbox row waits for it. */
const HOLD = 7_310_001;

const describeFull = fullModeAvailable() ? describe : describe.skip;

/**
 * The api process is SIGKILLed after the commit of a write and before its event was delivered;
 * a new api process delivers it. The gap is held open by a trigger on `outbox_events` (created
 * here, in the test's own database) that makes any claim wait on an advisory lock the test holds:
 * the write commits, its fast-path claim blocks, the test sees that wait and kills the process.
 */
describeFull('outbox: the api killed between commit and delivery (full mode)', () => {
  const dbName = `nexus_t_${randomBytes(6).toString('hex')}`;
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'nexus-test-'));
  let admin: Client;
  let db: Client;
  let smtp: SmtpSink;
  let child: ChildProcess | undefined;
  let log = '';
  let databaseUrl = '';

  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });

  /** Starts the built api on the test database; resolves with a TestApp-shaped client. */
  const startApi = async (): Promise<TestApp> => {
    const port = await freePort();
    const proc = spawn(process.execPath, [API_ENTRY], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        DB_MIGRATE: 'true',
        REDIS_URL: process.env.TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        SMTP_URL: smtp.url,
        RUN_WORKERS: 'true',
        SEED_DEMO_DATA: 'false',
        JWT_SECRET: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
        OUTBOX_POLL_MS: '50',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (c) => (log += c));
    proc.stderr!.on('data', (c) => (log += c));
    child = proc;
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
      { what: `api ready (log: ${log.slice(-500)})`, timeoutMs: 60_000 },
    );
    const inject = async (opts: {
      method?: string;
      url: string;
      headers?: Record<string, string>;
      payload?: unknown;
    }) => {
      const res = await fetch(url + opts.url, {
        method: opts.method ?? 'GET',
        headers: {
          ...(opts.payload ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
        body: opts.payload ? JSON.stringify(opts.payload) : undefined,
      });
      const body = await res.text();
      return { statusCode: res.status, body, json: () => JSON.parse(body) };
    };
    return { inject, mailbox: smtp, url } as unknown as TestApp;
  };

  const kill = async (proc: ChildProcess) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    smtp = await startSmtpSink();
  }, 180_000);

  afterAll(async () => {
    if (child) await kill(child);
    await db?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.end();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers the event of a committed write once a new api process starts', async () => {
    const first = await startApi();
    const author = await registerUser(first);
    const created = await first.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { authorization: `Bearer ${author.accessToken}` },
      payload: { title: 'Published just before the crash', body: 'Some body text.' },
    });
    expect(created.statusCode).toBe(201);
    const articleId: string = created.json().id;

    // From now on, claiming an outbox row waits for the test's advisory lock.
    await db.query(`SELECT pg_advisory_lock(${HOLD})`);
    await db.query(`
      CREATE FUNCTION test_hold_outbox_claim() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(${HOLD}); RETURN NEW; END $$`);
    await db.query(`
      CREATE TRIGGER test_hold_outbox_claim BEFORE UPDATE ON outbox_events
      FOR EACH ROW EXECUTE FUNCTION test_hold_outbox_claim()`);

    const publishing = first
      .inject({
        method: 'POST',
        url: `/api/v1/articles/${articleId}/publish`,
        headers: { authorization: `Bearer ${author.accessToken}` },
      })
      .catch((e: Error) => e);

    // The write committed (the test's connection sees its event) and its claim is waiting.
    const eventId = await waitUntil(
      async () => {
        const { rows } = await db.query<{ id: string }>(
          `SELECT id FROM outbox_events WHERE name = 'content.article.published'
              AND payload->>'articleId' = $1`,
          [articleId],
        );
        return rows[0]?.id;
      },
      { what: 'published event committed' },
    );
    const waiting = await waitUntil(
      async () => {
        const { rows } = await db.query<{ pid: number }>(
          `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()
              AND l.objid = ${HOLD}`,
        );
        return rows.length ? rows.map((r) => r.pid) : undefined;
      },
      { what: 'claim waiting on the hold' },
    );

    await kill(child!);
    // The client never got an answer: the process died inside the request.
    expect(String(await publishing)).toMatch(/fetch failed/);
    // The dead process's claims must never commit: end their backends, then lift the hold.
    for (const pid of waiting) await db.query('SELECT pg_terminate_backend($1)', [pid]);
    await db.query('DROP TRIGGER test_hold_outbox_claim ON outbox_events');
    await db.query(`SELECT pg_advisory_unlock(${HOLD})`);

    const before = await db.query<{ delivered_at: Date | null; done_listeners: string[] }>(
      'SELECT delivered_at, done_listeners FROM outbox_events WHERE id = $1',
      [eventId],
    );
    expect(before.rows[0]).toEqual({ delivered_at: null, done_listeners: [] });
    const count = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT published_article_count AS n FROM users WHERE id = $1',
          [author.id],
        )
      ).rows[0].n;
    // The listener (users' published article count) never ran for it.
    expect(await count()).toBe(0);

    await startApi();
    const delivered = await waitUntil(
      async () => {
        const { rows } = await db.query<{ delivered_at: Date | null; done_listeners: string[] }>(
          'SELECT delivered_at, done_listeners FROM outbox_events WHERE id = $1',
          [eventId],
        );
        return rows[0].delivered_at ? rows[0] : undefined;
      },
      { what: 'event delivered by the new process', timeoutMs: 30_000 },
    );
    expect(delivered.done_listeners).toContain('ContentEventsListener.onPublished');
    expect(await count()).toBe(1);
  }, 180_000);
});
