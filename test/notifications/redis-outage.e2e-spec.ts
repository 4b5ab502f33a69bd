import { DataSource } from 'typeorm';
import { createArticle } from '../content/content-helpers';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { ReceivedMail } from '../support/mailbox';
import { fullModeAvailable } from '../support/modes';
import { queuesIdle, waitUntil } from '../support/sync';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { QueueRegistry } from '@nexus/core';
import { follow } from './notification-helpers';

// Full mode needs PostgreSQL and Redis; CI sets NEXUS_REQUIRE_FULL=true so this never skips there.
const describeFull = fullModeAvailable() ? describe : describe.skip;

/**
 * Redis stops answering (a TCP proxy between the app and Redis stops forwarding, connections
 * stay open) while users follow and comment. The writes and their notifications only need
 * PostgreSQL (outbox, rows, `email_deliveries`); the emails cannot be queued meanwhile. Once
 * Redis answers again every notification exists exactly once and every email is sent exactly
 * once — counted in the table and in a real SMTP sink.
 */
describeFull('notifications while Redis stops answering (full mode)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let db: DataSource;
  let author: RegisteredUser;
  let fans: RegisteredUser[];

  beforeAll(async () => {
    const redisUrl = new URL(process.env.TEST_REDIS_URL!);
    proxy = await startTcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
    redisUrl.hostname = '127.0.0.1';
    redisUrl.port = String(proxy.port);
    t = await startTestApp('full', {
      env: {
        REDIS_URL: redisUrl.toString(),
        REDIS_COMMAND_TIMEOUT_MS: '300',
        OUTBOX_POLL_MS: '100',
        OUTBOX_BACKOFF_MS: '100',
      },
    });
    db = t.app.get(DataSource);
    author = await registerUser(t);
    fans = [];
    for (let i = 0; i < 4; i++) fans.push(await registerUser(t));
    await queuesIdle(t.app.get(QueueRegistry));
  }, 120_000);

  afterAll(async () => {
    proxy?.resume();
    await t?.close();
    await proxy?.close();
  });

  const notificationMails = async (): Promise<ReceivedMail[]> =>
    (await t.mailbox.messages()).filter((m) =>
      [author, ...fans].some(
        (u) =>
          m.to.includes(u.email) &&
          / follows you$|^New comment on | replied to your comment$/.test(m.subject),
      ),
    );

  it('every notification and email arrives exactly once after Redis answers again', async () => {
    const article = await createArticle(t, author.accessToken, { title: 'Outage' }, true);
    // Its fan-out (no follower yet) is over before the outage begins.
    await queuesIdle(t.app.get(QueueRegistry));
    const mailsBefore = (await notificationMails()).length;
    expect(mailsBefore).toBe(0);

    proxy.pause();
    let firstComment = '';
    try {
      for (const fan of fans) {
        await follow(t, fan, author);
        const res = await t.inject({
          method: 'POST',
          url: `/api/v1/articles/${article.id}/comments`,
          headers: bearer(fan.accessToken),
          payload: { body: `Comment from ${fan.username}` },
        });
        expect(res.statusCode).toBe(201);
        firstComment ||= res.json().id;
      }
      // The author answers the first fan: a reply notification to that fan.
      const reply = await t.inject({
        method: 'POST',
        url: `/api/v1/articles/${article.id}/comments`,
        headers: bearer(author.accessToken),
        payload: { body: 'Thanks!', parentId: firstComment },
      });
      expect(reply.statusCode).toBe(201);

      // The notifications are written (PostgreSQL only), the emails recorded but not sent:
      // nothing can be queued while Redis is silent.
      // (Written by the outbox relay's listeners after each commit: waited for, still in the outage.)
      const countRows = async () =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = ANY($1::uuid[])`,
            [[author.id, ...fans.map((f) => f.id)]],
          )
        )[0].n as number;
      await waitUntil(async () => (await countRows()) >= 2 * fans.length + 1, {
        timeoutMs: 30_000,
        what: 'the notifications written during the outage',
      });
      expect(await countRows()).toBe(2 * fans.length + 1);
      const statuses = () =>
        db.query(
          `SELECT status, count(*)::int AS n FROM email_deliveries WHERE template = 'notification'
            GROUP BY status`,
        ) as Promise<{ status: string; n: number }[]>;
      await waitUntil(
        async () => (await statuses()).reduce((a, r) => a + r.n, 0) >= 2 * fans.length + 1,
        { timeoutMs: 30_000, what: 'the emails recorded during the outage' },
      );
      expect(await statuses()).toEqual([{ status: 'queued', n: 2 * fans.length + 1 }]);
      expect(await notificationMails()).toHaveLength(0);
    } finally {
      proxy.resume();
    }

    // Everything sent once Redis is back (queued again on recovery, not at the next relay tick).
    await waitUntil(async () => (await notificationMails()).length >= 2 * fans.length + 1, {
      what: 'notification emails after the outage',
      timeoutMs: 30_000,
    });
    // Settled: no event left to deliver, no email left to send, no job waiting.
    await waitUntil(
      async () => {
        const [outbox] = await db.query(
          `SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL`,
        );
        const [unsent] = await db.query(
          `SELECT count(*)::int AS n FROM email_deliveries WHERE status <> 'sent'`,
        );
        return outbox.n === 0 && unsent.n === 0;
      },
      { what: 'outbox delivered and emails sent', timeoutMs: 30_000 },
    );
    await queuesIdle(t.app.get(QueueRegistry));

    const byRecipient = await db.query(
      `SELECT recipient_id, type, count(*)::int AS n FROM notifications
        WHERE recipient_id = ANY($1::uuid[]) GROUP BY recipient_id, type ORDER BY 1, 2`,
      [[author.id, ...fans.map((f) => f.id)]],
    );
    expect(byRecipient).toEqual(
      [
        { recipient_id: author.id, type: 'comment.on_article', n: fans.length },
        { recipient_id: author.id, type: 'follower.new', n: fans.length },
        { recipient_id: fans[0].id, type: 'comment.reply', n: 1 },
      ].sort((a, b) => (a.recipient_id + a.type).localeCompare(b.recipient_id + b.type)),
    );
    const [deliveries] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys
         FROM email_deliveries WHERE template = 'notification'`,
    );
    expect(deliveries).toEqual({ n: 2 * fans.length + 1, keys: 2 * fans.length + 1 });

    const mails = await notificationMails();
    const toAuthor = mails.filter((m) => m.to.includes(author.email)).map((m) => m.subject);
    expect(toAuthor.filter((s) => s.endsWith(' follows you'))).toHaveLength(fans.length);
    expect(toAuthor.filter((s) => s.startsWith('New comment on '))).toHaveLength(fans.length);
    expect(mails.filter((m) => m.to.includes(fans[0].email)).map((m) => m.subject)).toEqual([
      expect.stringMatching(/ replied to your comment$/),
    ]);
    expect(mails).toHaveLength(2 * fans.length + 1);
  }, 120_000);
});
