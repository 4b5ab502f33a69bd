import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ArticleEvent, ContentEvents } from '@nexus/content';
import { BullJobQueue, QueueRegistry } from '@nexus/core';
import {
  DIGEST_SCHEDULES,
  DigestService,
  FANOUT_BATCH,
  FanoutService,
  NotificationsService,
  periodStartOf,
} from '@nexus/notifications';
import { DataSource } from 'typeorm';
import { createArticle } from '../content/content-helpers';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';
import { follow, seedFollowers } from './notification-helpers';

/** Waits until the fan-out of `eventId` has finished (its batches run as queued jobs). */
const fanoutFinished = (db: DataSource, eventId: string, what = 'fan-out done') =>
  waitUntil(
    async () =>
      (await db.query(`SELECT done_at FROM notification_fanouts WHERE event_id = $1`, [eventId]))[0]
        ?.done_at,
    { timeoutMs: 60_000, what },
  );

/**
 * The event id of the fan-out of the article's publication, once finished. Recorded by the
 * publication's outbox listener, which the relay's poll may run just after the response: waited for.
 */
async function publishedFanout(db: DataSource, articleId: string, what?: string): Promise<string> {
  const eventId = await waitUntil(
    async () =>
      (
        await db.query(`SELECT event_id FROM notification_fanouts WHERE article_id = $1`, [
          articleId,
        ])
      )[0]?.event_id as string | undefined,
    { what: 'fan-out recorded' },
  );
  await fanoutFinished(db, eventId, what);
  return eventId;
}

const countFor = async (db: DataSource, eventId: string) =>
  (
    await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT recipient_id)::int AS distinct_n
         FROM notifications WHERE source_event_id = $1`,
      [eventId],
    )
  )[0] as { n: number; distinct_n: number };

describe.each(testModes())('fan-out and digests (%s mode)', (mode) => {
  let t: TestApp;
  let db: DataSource;
  let author: RegisteredUser;
  const FOLLOWERS = FANOUT_BATCH * 2 + 321;

  beforeAll(async () => {
    t = await startTestApp(mode);
    db = t.app.get(DataSource);
    author = await registerUser(t);
    await seedFollowers(db, author.id, FOLLOWERS);
  });
  afterAll(() => t?.close());

  it('publishing reaches every follower once, in batched multi-row inserts', async () => {
    const article = await createArticle(t, author.accessToken, { title: 'To everyone' }, true);
    const eventId = await publishedFanout(db, article.id);
    expect(await countFor(db, eventId)).toEqual({ n: FOLLOWERS, distinct_n: FOLLOWERS });
    const [progress] = await db.query(
      `SELECT delivered FROM notification_fanouts WHERE event_id = $1`,
      [eventId],
    );
    expect(progress.delivered).toBe(FOLLOWERS);
  });

  it('a fan-out that fails after its first batch resumes at the checkpoint: no gap, no duplicate', async () => {
    const notifications = t.app.get(NotificationsService);
    const write = notifications.writeForRecipients.bind(notifications);
    let calls = 0;
    const spy = jest
      .spyOn(notifications, 'writeForRecipients')
      .mockImplementation(async (prepared, em) => {
        if (++calls === 2) throw new Error('worker died mid fan-out (test)');
        return write(prepared, em);
      });
    try {
      const article = await createArticle(t, author.accessToken, { title: 'Interrupted' }, true);
      const eventId = await publishedFanout(db, article.id, 'fan-out done after the retry');
      expect(calls).toBeGreaterThan(2);
      expect(await countFor(db, eventId)).toEqual({ n: FOLLOWERS, distinct_n: FOLLOWERS });
    } finally {
      spy.mockRestore();
    }
  });

  it('the same published event twice, and two runners at once, still write each row once', async () => {
    const article = await createArticle(t, author.accessToken, { title: 'Twice' });
    const eventId = randomUUID();
    const emitter = t.app.get(EventEmitter2);
    const event = new ArticleEvent(article.id, author.id, article.slug, 'published');
    const meta = { eventId, name: ContentEvents.articlePublished, occurredAt: new Date() };
    await emitter.emitAsync(ContentEvents.articlePublished, event, meta);
    await emitter.emitAsync(ContentEvents.articlePublished, event, meta);
    const fanout = t.app.get(FanoutService);
    await Promise.all([fanout.run({ eventId }), fanout.run({ eventId })]);
    await fanoutFinished(db, eventId);
    expect(await countFor(db, eventId)).toEqual({ n: FOLLOWERS, distinct_n: FOLLOWERS });
  });

  // Full mode only, not skipped elsewhere: embedded mode has one database session, where the two
  // batch transactions run one after the other by construction (there is no race to test).
  if (mode === 'full')
    it('two batches of a job insert at once; whichever reaches the checkpoint first, no gap and no duplicate', async () => {
      const notifications = t.app.get(NotificationsService);
      const write = notifications.writeForRecipients.bind(notifications);
      let calls = 0;
      let inFlight = 0;
      let maxInFlight = 0;
      let secondStarted!: () => void;
      const second = new Promise<void>((resolve) => (secondStarted = resolve));
      const spy = jest
        .spyOn(notifications, 'writeForRecipients')
        .mockImplementation(async (prepared, em) => {
          const call = ++calls;
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          try {
            if (call === 2) secondStarted();
            // The first batch's insert waits, its transaction open, until the second one's starts.
            if (call === 1)
              await Promise.race([
                second,
                new Promise((_, reject) =>
                  setTimeout(() => reject(new Error('no second batch in flight')), 30_000).unref(),
                ),
              ]);
            return await write(prepared, em);
          } finally {
            inFlight--;
          }
        });
      try {
        const article = await createArticle(t, author.accessToken, { title: 'In parallel' }, true);
        const eventId = await publishedFanout(db, article.id);
        expect(maxInFlight).toBe(2);
        expect(await countFor(db, eventId)).toEqual({
          n: FOLLOWERS,
          distinct_n: FOLLOWERS,
        });
      } finally {
        spy.mockRestore();
      }
    });

  it('a daily digest goes once per user and period, however often the job runs', async () => {
    const reader = await registerUser(t);
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: bearer(reader.accessToken),
      payload: { digest: 'daily' },
    });
    expect(put.statusCode).toBe(200);
    const fan = await registerUser(t);
    await follow(t, fan, reader);
    const digests = t.app.get(DigestService);
    // The digest for tomorrow covers today.
    const periodStart = periodStartOf('daily', new Date(Date.now() + 86_400_000));
    const job = { period: 'daily' as const, periodStart };
    const runs = await Promise.all([digests.run(job), digests.run(job)]);
    await digests.run(job);
    expect(runs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    const mail = await t.mailbox.waitFor(
      (m) => m.to.includes(reader.email) && /daily Nexus digest/.test(m.subject),
    );
    expect(mail.text).toContain(`${fan.displayName} started following you.`);
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM email_deliveries WHERE to_address = $1 AND template = 'notification-digest'`,
      [reader.email],
    );
    expect(rows[0].n).toBe(1);
    const recorded = await db.query(
      `SELECT notifications FROM notification_digests WHERE user_id = $1`,
      [reader.id],
    );
    expect(recorded).toEqual([{ notifications: 1 }]);
    expect(periodStartOf('weekly', new Date('2026-12-03T10:00:00Z'))).toBe('2026-11-30');
  });
  if (mode === 'full') {
    it('full mode: digests run on BullMQ job schedulers, one per period however many workers declare them; a scheduled run mails once', async () => {
      // A second process running workers declares the same schedulers at its start.
      const second = await startTestApp('full', { shareWith: t });
      try {
        const queue = (t.app.get(QueueRegistry).raw('notifications') as BullJobQueue).queue;
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual(
          DIGEST_SCHEDULES.map((s) => [s.id, s.pattern, 'UTC']).sort(),
        );
        const pending = (await queue.getDelayed()).filter((j) => j.name === 'digest');
        expect(
          pending.map((j) => j.data.payload).sort((a, b) => a.period.localeCompare(b.period)),
        ).toEqual([{ period: 'daily' }, { period: 'weekly' }]);

        // A reader with an unread notification of yesterday (the period the next run covers).
        const reader = await registerUser(t);
        await t.inject({
          method: 'PUT',
          url: '/api/v1/notifications/preferences',
          headers: bearer(reader.accessToken),
          payload: { digest: 'daily' },
        });
        const fan = await registerUser(t);
        await follow(t, fan, reader);
        await waitUntil(async () => {
          const [r] = await db.query(
            `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`,
            [reader.id],
          );
          return r.n === 1;
        });
        await db.query(
          `UPDATE notifications SET created_at = created_at - interval '1 day' WHERE recipient_id = $1`,
          [reader.id],
        );

        // The scheduler's own next daily run, run now by whichever worker takes it.
        const daily = pending.find((j) => j.data.payload.period === 'daily')!;
        await daily.promote();
        const mail = await t.mailbox.waitFor(
          (m) => m.to.includes(reader.email) && /daily Nexus digest/.test(m.subject),
          20_000,
        );
        expect(mail.text).toContain(`${fan.displayName} started following you.`);
        await waitUntil(async () => (await queue.getJob(daily.id!))?.finishedOn, {
          what: 'scheduled digest run finished',
        });
        // Run again (a second trigger of the same period): nothing more is sent.
        expect(await second.app.get(DigestService).run({ period: 'daily' })).toBe(0);
        const [rows] = await db.query(
          `SELECT count(*)::int AS n FROM email_deliveries
            WHERE to_address = $1 AND template = 'notification-digest'`,
          [reader.email],
        );
        expect(rows.n).toBe(1);
        expect(
          await db.query(`SELECT period FROM notification_digests WHERE user_id = $1`, [reader.id]),
        ).toEqual([{ period: 'daily' }]);
      } finally {
        await second.close();
      }
    });
  }
});
