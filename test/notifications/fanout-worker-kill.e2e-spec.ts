import { ChildProcess, spawn } from 'node:child_process';

import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { FANOUT_BATCH } from '@nexus/notifications';
import { Client } from 'pg';
import { createArticle } from '../content/content-helpers';
import { registerUser, RegisteredUser } from '../support/auth';
import { fullModeAvailable } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const WORKER_ENTRY = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
/** The advisory lock the test holds while the worker's checkpoint update waits for it. */
const HOLD = 7_310_101;
/**
 * The size: 100k followers, 20 batches over 4 jobs (5 batches per job); the kill lands
 * mid-job, after two committed checkpoints. `NOTIFY_FAULT_FOLLOWERS` runs the test at any size.
 */
const FOLLOWERS = Number(process.env.NOTIFY_FAULT_FOLLOWERS ?? 100_000);
/** The checkpoint update the test holds: the third batch's (two committed before it). */
const HELD_AFTER = 2 * FANOUT_BATCH;

const describeFull = fullModeAvailable() ? describe : describe.skip;

/**
 * The worker process is SIGKILLed in the middle of a fan-out; a new worker process completes it
 * with every follower notified exactly once. The kill point is held open, not guessed: a trigger
 * (created here, in the test's own database) makes the third checkpoint update wait on an
 * advisory lock the test holds; the test sees the worker's backend waiting and kills the process
 * with two batches committed and the third written but not committed.
 */
describeFull('fan-out: the worker killed mid fan-out (full mode)', () => {
  let api: TestApp;
  let db: Client;
  let author: RegisteredUser;
  let worker: ChildProcess | undefined;
  let log = '';

  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });

  /** Starts the built worker on the api's database, Redis prefix and SMTP sink. */
  const startWorker = async (): Promise<void> => {
    const port = await freePort();
    const proc = spawn(process.execPath, [WORKER_ENTRY], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        WORKER_METRICS_PORT: String(port),
        DATA_DIR: api.config.dataDir,
        DATABASE_URL: api.config.databaseUrl,
        REDIS_URL: api.config.redisUrl,
        REDIS_PREFIX: api.config.redisPrefix,
        SMTP_URL: api.config.smtpUrl,
        JWT_SECRET: api.config.jwtSecret,
        SEED_DEMO_DATA: 'false',
        GEOIP_ENABLED: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (c) => (log += c));
    proc.stderr!.on('data', (c) => (log += c));
    worker = proc;
    await waitUntil(
      async () =>
        (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => undefined))?.status ===
        200,
      { what: `worker live (log: ${log.slice(-500)})`, timeoutMs: 60_000 },
    );
  };

  const kill = async (proc: ChildProcess) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  };

  const progress = async (eventId: string) =>
    (
      await db.query<{ delivered: number; done: boolean; rows: number; recipients: number }>(
        `SELECT f.delivered, f.done_at IS NOT NULL AS done,
                (SELECT count(*)::int FROM notifications n WHERE n.source_event_id = f.event_id) AS rows,
                (SELECT count(DISTINCT recipient_id)::int FROM notifications n
                  WHERE n.source_event_id = f.event_id) AS recipients
           FROM notification_fanouts f WHERE f.event_id = $1`,
        [eventId],
      )
    ).rows[0];

  beforeAll(async () => {
    // The api records the fan-out and queues its job; only the worker process runs it.
    api = await startTestApp('full', { env: { RUN_WORKERS: 'false' } });
    db = new Client({ connectionString: api.config.databaseUrl });
    await db.connect();
    await startWorker(); // it also sends the verification emails of the registrations
    author = await registerUser(api);
    const tag = randomUUID().slice(0, 8);
    // Followers written straight into users' tables: the fan-out reads them through UserDirectory.
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, username, display_name, password_hash, email_verified_at)
         SELECT 'k' || $2 || '-' || g || '@example.test', 'k' || $2 || g, 'Follower ' || g, 'x', now()
           FROM generate_series(1, $3::int) g
         RETURNING id)
       INSERT INTO follows (follower_id, followee_id, created_at)
       SELECT id, $1, now() - (random() * interval '30 days') FROM u`,
      [author.id, tag, FOLLOWERS],
    );
  }, 180_000);

  afterAll(async () => {
    if (worker) await kill(worker);
    await db?.end();
    await api?.close();
  });

  it('a restarted worker completes the fan-out: every follower exactly once', async () => {
    await db.query(`SELECT pg_advisory_lock(${HOLD})`);
    await db.query(`
      CREATE FUNCTION test_hold_fanout() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.delivered >= ${HELD_AFTER} THEN PERFORM pg_advisory_xact_lock(${HOLD}); END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER test_hold_fanout BEFORE UPDATE ON notification_fanouts
      FOR EACH ROW EXECUTE FUNCTION test_hold_fanout()`);

    const first = worker!;
    const article = await createArticle(api, author.accessToken, { title: 'To all of you' }, true);
    const eventId = await waitUntil(
      async () =>
        (
          await db.query<{ event_id: string }>(
            `SELECT event_id FROM notification_fanouts WHERE article_id = $1`,
            [article.id],
          )
        ).rows[0]?.event_id,
      { what: 'fan-out recorded' },
    );
    // The third checkpoint update waits on the hold: two batches committed, the third not.
    const waiting = await waitUntil(
      async () => {
        const { rows } = await db.query<{ pid: number }>(
          `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()
              AND l.objid = ${HOLD}`,
        );
        return rows.length ? rows.map((r) => r.pid) : undefined;
      },
      { what: 'third checkpoint waiting on the hold', timeoutMs: 60_000 },
    );

    await kill(first);
    // A killed client's backend lives on until it notices; end it so its batch rolls back.
    for (const pid of waiting) await db.query('SELECT pg_terminate_backend($1)', [pid]);
    await db.query('DROP TRIGGER test_hold_fanout ON notification_fanouts');
    await db.query('DROP FUNCTION test_hold_fanout()');
    await db.query(`SELECT pg_advisory_unlock(${HOLD})`);

    expect(await progress(eventId)).toEqual({
      delivered: HELD_AFTER,
      done: false,
      rows: HELD_AFTER,
      recipients: HELD_AFTER,
    });

    await startWorker();
    await waitUntil(async () => (await progress(eventId)).done, {
      what: 'fan-out finished by the new worker',
      timeoutMs: 60_000,
    });
    expect(await progress(eventId)).toEqual({
      delivered: FOLLOWERS,
      done: true,
      rows: FOLLOWERS,
      recipients: FOLLOWERS,
    });
    // No gap: every follower has the notification (and, above, nobody has it twice).
    const { rows: missing } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM follows f
        WHERE f.followee_id = $1 AND NOT EXISTS (
          SELECT 1 FROM notifications n WHERE n.recipient_id = f.follower_id
             AND n.source_event_id = $2)`,
      [author.id, eventId],
    );
    expect(missing[0].n).toBe(0);
  }, 180_000);
});
