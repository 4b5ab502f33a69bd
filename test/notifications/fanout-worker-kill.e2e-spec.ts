import { FANOUT_BATCH } from '@nexus/notifications';
import { Client } from 'pg';
import { createArticle } from '../content/content-helpers';
import { holdUpdates } from '../support/advisory-hold';
import { registerUser, RegisteredUser } from '../support/auth';
import { freePort, startBuiltApp, StartedProcess } from '../support/built-apps';
import { fullModeAvailable } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp, workerEnvOf } from '../support/test-app';
import { seedFollowers } from './notification-helpers';

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
  let worker: StartedProcess | undefined;

  /** Starts the built worker on the api's database, Redis prefix and SMTP sink. */
  const startWorker = async (): Promise<void> => {
    const port = await freePort();
    worker = await startBuiltApp('worker', {
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        WORKER_METRICS_PORT: String(port),
        ...workerEnvOf(api),
        SEED_DEMO_DATA: 'false',
        GEOIP_ENABLED: 'false',
        LOG_LEVEL: 'warn',
      },
      ready: { url: `http://127.0.0.1:${port}/health/live` },
      timeoutMs: 60_000,
    });
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
    await seedFollowers(db, author.id, FOLLOWERS);
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await db?.end();
    await api?.close();
  });

  it('a restarted worker completes the fan-out: every follower exactly once', async () => {
    // Only the checkpoint updates after the first two batches wait on the hold.
    const hold = await holdUpdates(db, {
      key: HOLD,
      table: 'notification_fanouts',
      when: `OLD.delivered >= ${HELD_AFTER}`,
    });

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
    const waiting = await hold.waiting({
      what: 'third checkpoint waiting on the hold',
      timeoutMs: 60_000,
    });

    await first.stop();
    // The killed worker's batch rolls back: two checkpoints committed, the third not.
    await hold.release(waiting);

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
