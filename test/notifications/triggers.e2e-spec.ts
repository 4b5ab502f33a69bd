import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvents } from '@nexus/core';
import { DataSource } from 'typeorm';
import { IpBlockedEvent, IpFlaggedEvent, SecurityEvents } from '@nexus/security-analytics';
import { UserLoggedInEvent, USERS_EVENTS } from '@nexus/users';
import { createArticle } from '../content/content-helpers';
import { ADMIN_ENV, bearer, loginAsAdmin, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { outboxDelivered } from '../support/outbox';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';
import { follow, notificationsOf, unreadCount, waitForNotification } from './notification-helpers';

describe.each(testModes())('notification triggers (%s mode)', (mode) => {
  let t: TestApp;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let carol: RegisteredUser;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    [alice, bob, carol] = [await registerUser(t), await registerUser(t), await registerUser(t)];
  });
  afterAll(() => t?.close());

  it('a new follower: in-app notification and an email with a one-click unsubscribe link', async () => {
    await follow(t, bob, alice);
    const n = await waitForNotification(t, alice, 'follower.new');
    expect(n).toMatchObject({ actorId: bob.id, read: false, data: { actorName: bob.displayName } });
    const mail = await t.mailbox.waitFor(
      (m) => m.to.includes(alice.email) && m.subject === `${bob.displayName} follows you`,
    );
    expect(mail.text).toContain(`${bob.displayName} started following you.`);
    expect(mail.html).toContain('Unsubscribe');
    expect(mail.text).toMatch(/\/api\/v1\/notifications\/unsubscribe\?token=[\w-]+\.[\w-]+/);
  });

  it('a comment on your article and a reply to your comment, each to the right person', async () => {
    const article = await createArticle(t, alice.accessToken, { title: 'Comment magnet' }, true);
    const comment = await t.inject({
      method: 'POST',
      url: `/api/v1/articles/${article.id}/comments`,
      headers: bearer(bob.accessToken),
      payload: { body: 'First!' },
    });
    expect(comment.statusCode).toBe(201);
    const onArticle = await waitForNotification(t, alice, 'comment.on_article');
    expect(onArticle).toMatchObject({
      actorId: bob.id,
      subjectId: comment.json().id,
      data: { articleTitle: 'Comment magnet' },
    });
    const reply = await t.inject({
      method: 'POST',
      url: `/api/v1/articles/${article.id}/comments`,
      headers: bearer(carol.accessToken),
      payload: { body: 'Reply to Bob', parentId: comment.json().id },
    });
    expect(reply.statusCode).toBe(201);
    const toBob = await waitForNotification(t, bob, 'comment.reply');
    expect(toBob).toMatchObject({ actorId: carol.id, subjectId: reply.json().id });
    // Alice hears of Carol's reply on her article too, as a comment on it.
    await waitForNotification(t, alice, 'comment.on_article', (n) => n.actorId === carol.id);
    await t.mailbox.waitFor(
      (m) =>
        m.to.includes(bob.email) && m.subject === `${carol.displayName} replied to your comment`,
    );
  });

  it('reaction milestones: the first like notifies, the second does not', async () => {
    const article = await createArticle(t, carol.accessToken, { title: 'Likeable' }, true);
    for (const u of [alice, bob]) {
      const res = await t.inject({
        method: 'PUT',
        url: `/api/v1/articles/${article.id}/reactions/like`,
        headers: bearer(u.accessToken),
      });
      expect(res.statusCode).toBe(200);
    }
    // Both likes' events delivered (the relay may deliver one just after its answer).
    await outboxDelivered(t);
    const milestones = (await notificationsOf(t, carol)).filter(
      (n) => n.type === 'reaction.milestone',
    );
    expect(milestones).toHaveLength(1);
    expect(milestones[0].data).toMatchObject({ milestone: 1, articleTitle: 'Likeable' });
    // Unlike and like again: still one milestone notification.
    for (const method of ['DELETE', 'PUT'] as const) {
      await t.inject({
        method,
        url: `/api/v1/articles/${article.id}/reactions/like`,
        headers: bearer(bob.accessToken),
      });
    }
    await outboxDelivered(t);
    expect(
      (await notificationsOf(t, carol)).filter((n) => n.type === 'reaction.milestone'),
    ).toHaveLength(1);
  });

  it('a new article from an author you follow reaches every follower (fan-out)', async () => {
    const author = await registerUser(t);
    await follow(t, alice, author);
    await follow(t, bob, author);
    const article = await createArticle(t, author.accessToken, { title: 'Fresh news' }, true);
    for (const reader of [alice, bob]) {
      const n = await waitForNotification(
        t,
        reader,
        'article.published',
        (x) => x.subjectId === article.id,
      );
      expect(n).toMatchObject({ actorId: author.id, data: { articleTitle: 'Fresh news' } });
    }
    expect(
      (await notificationsOf(t, carol)).filter((n) => n.type === 'article.published'),
    ).toHaveLength(0);
  });

  it('security: a password change is an in-app notice (users sends its own email)', async () => {
    const user = await registerUser(t);
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/users/me/password',
      headers: bearer(user.accessToken),
      payload: { currentPassword: user.password, newPassword: `${user.password}-new-Passphrase` },
    });
    expect(res.statusCode).toBe(204);
    const n = await waitForNotification(t, user, 'security.password_changed');
    expect(n.data).toMatchObject({ via: 'change' });
  });

  it('security: a sign-in from a new country notifies, the first located one and repeats do not', async () => {
    const user = await registerUser(t);
    const events = t.app.get(DomainEvents);
    await events.emit(USERS_EVENTS.loggedIn, new UserLoggedInEvent(user.id, '192.0.2.1', 'DE'));
    await events.emit(USERS_EVENTS.loggedIn, new UserLoggedInEvent(user.id, '192.0.2.1', 'DE'));
    await events.emit(USERS_EVENTS.loggedIn, new UserLoggedInEvent(user.id, '198.51.100.7', 'BR'));
    await events.emit(USERS_EVENTS.loggedIn, new UserLoggedInEvent(user.id, '198.51.100.7', null));
    const notices = (await notificationsOf(t, user)).filter(
      (n) => n.type === 'security.new_country',
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].data).toMatchObject({ country: 'BR', ip: '198.51.100.7' });
    await t.mailbox.waitFor(
      (m) => m.to.includes(user.email) && m.subject === 'New sign-in from another country',
    );
  });

  it('admins hear of blocked and flagged addresses', async () => {
    const admin = await loginAsAdmin(t);
    const adminUser = { accessToken: admin.accessToken } as RegisteredUser;
    const events = t.app.get(DomainEvents);
    await events.emit(
      SecurityEvents.ipBlocked,
      new IpBlockedEvent('b1', '203.0.113.0/24', 'scanner', 'auto', null, null),
    );
    await events.emit(
      SecurityEvents.ipFlagged,
      new IpFlaggedEvent('203.0.113.9', 'probing', 'hit 40 unknown paths', 0.9),
    );
    const list = await notificationsOf(t, adminUser);
    expect(list.find((n) => n.type === 'admin.ip_blocked')?.data).toMatchObject({
      cidr: '203.0.113.0/24',
    });
    expect(list.find((n) => n.type === 'admin.ip_flagged')?.data).toMatchObject({
      ip: '203.0.113.9',
    });
    // Not for plain users.
    expect((await notificationsOf(t, alice)).some((n) => n.type.startsWith('admin.'))).toBe(false);
    await t.mailbox.waitFor(
      (m) =>
        m.to.includes(ADMIN_ENV.ADMIN_EMAIL) && m.subject === 'Address blocked: 203.0.113.0/24',
    );
  });

  it('a listener called twice with the same event id writes and mails once', async () => {
    const user = await registerUser(t);
    const fan = await registerUser(t);
    const emitter = t.app.get(EventEmitter2);
    const meta = {
      eventId: '0b8a7c1e-1111-4a2b-9c3d-4e5f60718293',
      name: USERS_EVENTS.followed,
      occurredAt: new Date(),
    };
    const payload = { followerId: fan.id, followeeId: user.id };
    await emitter.emitAsync(USERS_EVENTS.followed, payload, meta);
    await emitter.emitAsync(USERS_EVENTS.followed, payload, meta);
    expect((await notificationsOf(t, user)).filter((n) => n.type === 'follower.new')).toHaveLength(
      1,
    );
    expect(await unreadCount(t, user)).toBe(1);
    const db = t.app.get(DataSource);
    await waitUntil(async () => {
      const rows = await db.query(
        `SELECT status FROM email_deliveries WHERE to_address = $1 AND template = 'notification'`,
        [user.email],
      );
      return rows.length === 1 && rows[0].status === 'sent';
    });
    const mails = (await t.mailbox.messages()).filter(
      (m) => m.to.includes(user.email) && m.subject.endsWith('follows you'),
    );
    expect(mails).toHaveLength(1);
  });
});
