import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnsubscribeLinks } from '@nexus/notifications';
import { PROBLEM } from '../content/content-helpers';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { outboxDelivered } from '../support/outbox';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';
import { follow, newFollowers, notificationsOf, unreadCount } from './notification-helpers';

describe.each(testModes())('notifications API (%s mode)', (mode) => {
  let t: TestApp;
  let owner: RegisteredUser;
  let other: RegisteredUser;
  const fans: RegisteredUser[] = [];

  beforeAll(async () => {
    t = await startTestApp(mode);
    owner = await registerUser(t);
    other = await registerUser(t);
    fans.push(...(await newFollowers(t, owner, 3)));
  });
  afterAll(() => t?.close());

  const get = (user: RegisteredUser, url: string) =>
    t.inject({ method: 'GET', url, headers: bearer(user.accessToken) });
  /** Whether the user's email channel for new followers is on. */
  const followerEmailOn = async (user: RegisteredUser): Promise<boolean> =>
    (await get(user, '/api/v1/notifications/preferences'))
      .json()
      .types.find((x: { type: string }) => x.type === 'follower.new').channels.email;

  it('lists newest first with keyset pages, and filters by type and unread', async () => {
    const first = await get(owner, '/api/v1/notifications?limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((n: { actorId: string }) => n.actorId)).toEqual([
      fans[2].id,
      fans[1].id,
    ]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await get(
        owner,
        `/api/v1/notifications?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
      )
    ).json();
    expect(page2.items.map((n: { actorId: string }) => n.actorId)).toEqual([fans[0].id]);
    expect(page2.nextCursor).toBeNull();
    // A cursor of one listing is refused on another (the unread listing).
    const replay = await get(
      owner,
      `/api/v1/notifications?limit=2&unread=true&cursor=${encodeURIComponent(page1.nextCursor)}`,
    );
    expect(replay.statusCode).toBe(400);
    expect((await notificationsOf(t, owner, '&type=follower.new')).length).toBe(3);
    expect((await notificationsOf(t, owner, '&type=comment.reply')).length).toBe(0);
  });

  it('unread count is cached and follows reads, read-all and deletes', async () => {
    expect(await unreadCount(t, owner)).toBe(3);
    const [newest, middle] = await notificationsOf(t, owner);
    const read = await t.inject({
      method: 'POST',
      url: `/api/v1/notifications/${newest.id}/read`,
      headers: bearer(owner.accessToken),
    });
    expect(read.statusCode).toBe(204);
    expect(await unreadCount(t, owner)).toBe(2);
    expect((await notificationsOf(t, owner, '&unread=true')).map((n) => n.id)).not.toContain(
      newest.id,
    );
    const del = await t.inject({
      method: 'DELETE',
      url: `/api/v1/notifications/${middle.id}`,
      headers: bearer(owner.accessToken),
    });
    expect(del.statusCode).toBe(204);
    expect(await unreadCount(t, owner)).toBe(1);
    // A new notification drops the cached count too.
    const late = await registerUser(t);
    await follow(t, late, owner);
    await outboxDelivered(t);
    expect(await unreadCount(t, owner)).toBe(2);
    const all = await t.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: bearer(owner.accessToken),
    });
    expect(all.json()).toEqual({ marked: 2 });
    expect(await unreadCount(t, owner)).toBe(0);
  });

  it("another user's notification is a 404, whatever the operation", async () => {
    const [mine] = await notificationsOf(t, owner);
    for (const [method, url] of [
      ['POST', `/api/v1/notifications/${mine.id}/read`],
      ['DELETE', `/api/v1/notifications/${mine.id}`],
      ['POST', `/api/v1/notifications/${randomUUID()}/read`],
    ] as const) {
      const res = await t.inject({ method, url, headers: bearer(other.accessToken) });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
    expect((await notificationsOf(t, owner)).map((n) => n.id)).toContain(mine.id);
  });

  it('garbage input is a 400 problem, anonymous is a 401', async () => {
    for (const url of [
      '/api/v1/notifications?limit=0',
      '/api/v1/notifications?limit=abc',
      '/api/v1/notifications?unread=yes',
      '/api/v1/notifications?type=nope',
      '/api/v1/notifications?cursor=forged.cursor',
      '/api/v1/notifications?extra=1',
    ]) {
      const res = await get(owner, url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
    const badId = await t.inject({
      method: 'POST',
      url: '/api/v1/notifications/not-a-uuid/read',
      headers: bearer(owner.accessToken),
    });
    expect(badId.statusCode).toBe(400);
    for (const payload of [
      { preferences: [{ type: 'follower.new', channel: 'sms', enabled: false }] },
      { preferences: [{ type: 'nope', channel: 'email', enabled: false }] },
      { preferences: [{ type: 'follower.new', channel: 'email', enabled: 'no' }] },
      { digest: 'hourly' },
      { preferences: 'all' },
    ]) {
      const res = await t.inject({
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        headers: bearer(owner.accessToken),
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
    const anon = await t.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' });
    expect(anon.statusCode).toBe(401);
  });

  it('preferences: email off stops the email but not the in-app notification; security cannot be turned off', async () => {
    const user = await registerUser(t);
    const put = await t.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: bearer(user.accessToken),
      payload: {
        digest: 'weekly',
        preferences: [{ type: 'follower.new', channel: 'email', enabled: false }],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().digest).toBe('weekly');
    expect(
      put.json().types.find((x: { type: string }) => x.type === 'follower.new').channels,
    ).toEqual({ in_app: true, email: false, digest: true });
    const locked = await t.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: bearer(user.accessToken),
      payload: {
        preferences: [{ type: 'security.new_country', channel: 'email', enabled: false }],
      },
    });
    expect(locked.statusCode).toBe(400);
    expect(locked.json().type).toMatch(/preference-locked$/);

    const fan = await registerUser(t);
    await follow(t, fan, user);
    await outboxDelivered(t);
    expect((await notificationsOf(t, user)).some((n) => n.actorId === fan.id)).toBe(true);
    // The email channel is off: no delivery row for this user's follower email.
    const db = t.app.get(DataSource);
    const rows = await db.query(
      `SELECT 1 FROM email_deliveries WHERE to_address = $1 AND template = 'notification'`,
      [user.email],
    );
    expect(rows).toHaveLength(0);
    // In-app off: nothing stored.
    await t.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: bearer(user.accessToken),
      payload: { preferences: [{ type: 'follower.new', channel: 'in_app', enabled: false }] },
    });
    const fan2 = await registerUser(t);
    await follow(t, fan2, user);
    // Delivered, so that "nothing stored" is not read before the listener ran.
    await outboxDelivered(t);
    expect((await notificationsOf(t, user)).some((n) => n.actorId === fan2.id)).toBe(false);
  });

  it('one-click unsubscribe (RFC 8058): the email carries the headers, a form POST without login turns that email off', async () => {
    const user = await registerUser(t);
    const fan = await registerUser(t);
    await follow(t, fan, user);
    const db = t.app.get(DataSource);
    const [delivery] = await waitUntil(async () => {
      const rows = await db.query(
        `SELECT headers FROM email_deliveries WHERE to_address = $1 AND template = 'notification'`,
        [user.email],
      );
      return rows.length ? rows : undefined;
    });
    const listUnsubscribe: string = delivery.headers['List-Unsubscribe'];
    expect(delivery.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = new URL(listUnsubscribe.slice(1, -1));
    expect(url.pathname).toBe('/api/v1/notifications/unsubscribe');

    const tampered = await t.inject({
      method: 'POST',
      url: `${url.pathname}?token=${url.searchParams.get('token')!.replace(/.$/, 'A')}x`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.headers['content-type']).toMatch(PROBLEM);

    // Opening the link (GET) only shows the confirmation form.
    const page = await t.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<form method="post"');
    expect(page.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(await followerEmailOn(user)).toBe(true);

    const res = await t.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unsubscribed: 'follower.new' });
    expect(await followerEmailOn(user)).toBe(false);
    // Form bodies stay refused everywhere else.
    const elsewhere = await t.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: { ...bearer(user.accessToken), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'digest=off',
    });
    expect(elsewhere.statusCode).toBe(415);
    expect(elsewhere.headers['content-type']).toMatch(PROBLEM);
    // A digest link turns the digest off.
    const links = t.app.get(UnsubscribeLinks);
    await t.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: bearer(user.accessToken),
      payload: { digest: 'daily' },
    });
    const digestOff = await t.inject({
      method: 'POST',
      url: `/api/v1/notifications/unsubscribe?token=${links.token(user.id, 'digest')}`,
    });
    expect(digestOff.statusCode).toBe(200);
    const after = await t.inject({
      method: 'GET',
      url: '/api/v1/notifications/preferences',
      headers: bearer(user.accessToken),
    });
    expect(after.json().digest).toBe('off');
  });
});
