import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { holdUpdates } from '../support/advisory-hold';
import { registerUser } from '../support/auth';
import { freePort, startBuiltApp, StartedProcess } from '../support/built-apps';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { startSmtpSink, SmtpSink } from '../support/mailbox';
import { fullModeAvailable } from '../support/modes';
import { waitUntil } from '../support/sync';
import type { TestApp } from '../support/test-app';

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
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'nexus-test-'));
  let database: TestDatabase;
  let db: Client;
  let smtp: SmtpSink;
  let api: StartedProcess | undefined;

  /** Starts the built api on the test database; resolves with a TestApp-shaped client. */
  const startApi = async (): Promise<TestApp> => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    api = await startBuiltApp('api', {
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
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
      ready: { url: `${url}/health/ready` },
      timeoutMs: 60_000,
    });
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

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    smtp = await startSmtpSink();
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await db?.end();
    await database?.drop();
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
    const hold = await holdUpdates(db, { key: HOLD, table: 'outbox_events' });

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
    const waiting = await hold.waiting({ what: 'claim waiting on the hold' });

    await api!.stop();
    // The client never got an answer: the process died inside the request.
    expect(String(await publishing)).toMatch(/fetch failed/);
    // The dead process's claims must never commit: end their backends, then lift the hold.
    await hold.release(waiting);

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
