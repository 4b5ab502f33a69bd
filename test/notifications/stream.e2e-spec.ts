import { InstanceBroadcast, MetricsService } from '@nexus/core';
import { Client } from 'pg';
import { NotificationStreams } from '@nexus/notifications';
import { PROBLEM } from '../content/content-helpers';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { outboxDelivered } from '../support/outbox';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';
import { follow } from './notification-helpers';
import { lastCount, notificationEvents, openStream, SseStream } from './sse-client';

describe.each(testModes())('notification stream (%s mode)', (mode) => {
  let t: TestApp;
  let user: RegisteredUser;
  const open: SseStream[] = [];

  beforeAll(async () => {
    t = await startTestApp(mode, {
      env: { NOTIFICATIONS_MAX_STREAMS: '2', NOTIFICATIONS_HEARTBEAT_MS: '100' },
    });
    user = await registerUser(t);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => t?.close());

  const stream = async (who: RegisteredUser, extra: Record<string, string> = {}, app = t) => {
    const s = await openStream(app.url, { ...bearer(who.accessToken), ...extra });
    open.push(s);
    return s;
  };

  it('refuses without a token (401), without Accept: text/event-stream (406), with a bad Last-Event-ID (400)', async () => {
    const anon = await openStream(t.url, {});
    expect(anon.status).toBe(401);
    const plain = await openStream(t.url, {
      ...bearer(user.accessToken),
      accept: 'application/json',
    });
    expect(plain.status).toBe(406);
    expect(plain.headers['content-type']).toMatch(PROBLEM);
    const bad = await stream(user, { 'last-event-id': 'abc' });
    expect(bad.status).toBe(400);
  });

  it('pushes new notifications and the unread count live, with heartbeats', async () => {
    const s = await stream(user);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    await s.waitFor((e) => e.event === 'unread-count', 'initial count');
    expect(lastCount(s)).toBe(0);
    const fan = await registerUser(t);
    await follow(t, fan, user);
    const event = await s.waitFor((e) => e.event === 'notification', 'notification');
    const n = JSON.parse(event.data!);
    expect(n).toMatchObject({ type: 'follower.new', actorId: fan.id, read: false });
    // The id is the stream's position: its watermark, then the seqs above it already sent.
    expect(event.id).toMatch(/^\d+(\.\d+)*$/);
    expect(event.id!.split('.').map(Number)).toContain(n.seq);
    await waitUntil(() => lastCount(s) === 1, { what: 'count 1' });
    await s.waitFor((e) => e.comment === 'heartbeat', 'heartbeat');
    // Reading it updates the count on the stream.
    await t.inject({
      method: 'POST',
      url: `/api/v1/notifications/${n.id}/read`,
      headers: bearer(user.accessToken),
    });
    await waitUntil(() => lastCount(s) === 0, { what: 'count back to 0' });
  });

  it('replays what was missed after a reconnect with Last-Event-ID, and nothing twice', async () => {
    const first = await stream(user);
    const fanA = await registerUser(t);
    await follow(t, fanA, user);
    const seen = await first.waitFor((e) => e.event === 'notification', 'first notification');
    first.close();
    await waitUntil(() => t.app.get(NotificationStreams).count(user.id) === 0, {
      what: 'stream closed on the server',
    });
    const missed: string[] = [];
    for (let i = 0; i < 2; i++) {
      const fan = await registerUser(t);
      await follow(t, fan, user);
      missed.push(fan.id);
    }
    const again = await stream(user, { 'last-event-id': seen.id! });
    await waitUntil(() => notificationEvents(again).length === 2, { what: 'two replayed' });
    await again.waitFor((e) => e.event === 'unread-count', 'count after replay');
    expect(notificationEvents(again).map((e) => JSON.parse(e.data!).actorId)).toEqual(missed);
    expect(JSON.parse(notificationEvents(again)[0].data!).seq).toBeGreaterThan(
      JSON.parse(seen.data!).seq,
    );
  });

  it('bounds the streams per user (429) and counts them in nexus_notification_streams', async () => {
    const other = await registerUser(t);
    await stream(other);
    await stream(other);
    await waitUntil(() => t.app.get(NotificationStreams).count(other.id) === 2);
    const third = await stream(other);
    expect(third.status).toBe(429);
    expect(third.headers['content-type']).toMatch(PROBLEM);
    const metrics = await t.app
      .get(MetricsService)
      .registry.getSingleMetricAsString('nexus_notification_streams');
    expect(metrics).toMatch(/nexus_notification_streams 2\b/);
  });

  if (mode === 'full') {
    it('a notification committed after a higher seq was streamed still arrives, live and on replay, once', async () => {
      const reader = await registerUser(t);
      const s = await stream(reader);
      await s.waitFor((e) => e.event === 'unread-count', 'initial count');
      // A transaction takes a seq and stays open (as a slow writer would)...
      const slow = new Client({ connectionString: t.config.databaseUrl });
      await slow.connect();
      try {
        await slow.query('BEGIN');
        await slow.query('SELECT pg_current_xact_id()');
        const [held] = (
          await slow.query(
            `INSERT INTO notifications (recipient_id, type, data, source_event_id, dedup_key)
             VALUES ($1, 'follower.new', '{}', gen_random_uuid(), 'held-back') RETURNING id, seq`,
            [reader.id],
          )
        ).rows;
        // ...while a later one (higher seq) commits and is streamed.
        const fan = await registerUser(t);
        await follow(t, fan, reader);
        const later = await s.waitFor((e) => e.event === 'notification', 'later notification');
        expect(Number(JSON.parse(later.data!).seq)).toBeGreaterThan(Number(held.seq));
        await slow.query('COMMIT');
        // The writer announces its change, as the app's writers do.
        void t.app.get(InstanceBroadcast).publish('notifications:changed', { users: [reader.id] });
        const late = await s.waitFor(
          (e) => e.event === 'notification' && JSON.parse(e.data!).id === held.id,
          'the notification committed late',
        );
        expect(notificationEvents(s).map((e) => JSON.parse(e.data!).id)).toEqual([
          JSON.parse(later.data!).id,
          held.id,
        ]);
        s.close();
        await waitUntil(() => t.app.get(NotificationStreams).count(reader.id) === 0, {
          what: 'stream closed on the server',
        });
        // Reconnecting from the last event: only what came after, nothing twice.
        const fan2 = await registerUser(t);
        await follow(t, fan2, reader);
        // Its row exists before the reconnect, so it is replayed rather than pushed live.
        await outboxDelivered(t);
        const again = await stream(reader, { 'last-event-id': late.id! });
        await again.waitFor((e) => e.event === 'unread-count', 'count after replay');
        expect(notificationEvents(again).map((e) => JSON.parse(e.data!).actorId)).toEqual([
          fan2.id,
        ]);
      } finally {
        await slow.end();
      }
    });
  }

  if (mode === 'full') {
    it('delivers a notification created on another api instance', async () => {
      const second = await startTestApp('full', { shareWith: t });
      try {
        const s = await stream(user, {}, second);
        await s.waitFor((e) => e.event === 'unread-count', 'initial count');
        const fan = await registerUser(t);
        await follow(t, fan, user); // through the first instance
        const event = await s.waitFor(
          (e) => e.event === 'notification' && JSON.parse(e.data!).actorId === fan.id,
          'notification from the other instance',
        );
        expect(JSON.parse(event.data!).type).toBe('follower.new');
      } finally {
        for (const s of open.splice(0)) s.close();
        await second.close();
      }
    });
  }
});
