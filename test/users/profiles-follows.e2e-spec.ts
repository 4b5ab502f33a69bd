import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminBootstrap, FollowsService } from '@nexus/users';
import { ADMIN_ENV, bearer, loginAsAdmin, registerUser, RegisteredUser } from '../support/auth';
import { eventRecorder } from '../support/event-recorder';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

describe.each(testModes())('profiles, follows and admin (%s mode)', (mode) => {
  let t: TestApp;
  // Outbox events reach @OnEvent listeners (not EventEmitter2.on): record them with one.
  const { module: recorder, received } = eventRecorder([
    'users.user.followed',
    'users.user.updated',
    'users.user.deleted',
    'users.user.registered',
    'users.user.logged_in',
  ]);
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV }, imports: [recorder] });
  });
  afterAll(() => t?.close());

  const profile = (username: string, token?: string) =>
    t.inject({
      method: 'GET',
      url: `/api/v1/users/${username}`,
      headers: token ? bearer(token) : {},
    });
  const follow = (u: RegisteredUser, username: string, method: 'POST' | 'DELETE' = 'POST') =>
    t.inject({ method, url: `/api/v1/users/${username}/follow`, headers: bearer(u.accessToken) });

  it('emits registered and logged_in events with the contract payloads', async () => {
    const u = await registerUser(t);
    expect(received).toContainEqual({
      name: 'users.user.registered',
      payload: expect.objectContaining({ userId: u.id, email: u.email, username: u.username }),
    });
    expect(received).toContainEqual({
      name: 'users.user.logged_in',
      payload: expect.objectContaining({ userId: u.id, ip: '127.0.0.1', country: null }),
    });
  });

  it('shows a public profile and updates the caller’s own', async () => {
    const u = await registerUser(t, { displayName: 'Original Name' });
    const anon = await profile(u.username.toUpperCase());
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({
      id: u.id,
      username: u.username,
      displayName: 'Original Name',
      bio: null,
      avatarUrl: null,
      followerCount: 0,
      followingCount: 0,
      publishedArticleCount: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(anon.body).not.toContain(u.email);
    expect(anon.body).not.toMatch(/password|argon2/i);

    const patch = await t.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: bearer(u.accessToken),
      payload: {
        displayName: '  New Name ',
        bio: 'Hello',
        avatarUrl: 'https://cdn.example.com/a.png',
      },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      displayName: 'New Name',
      bio: 'Hello',
      avatarUrl: 'https://cdn.example.com/a.png',
    });
    expect(received).toContainEqual({
      name: 'users.user.updated',
      payload: expect.objectContaining({ userId: u.id }),
    });
    // The cached "me" payload was evicted: the next read shows the change.
    const me = await t.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(u.accessToken),
    });
    expect(me.json()).toMatchObject({ displayName: 'New Name', bio: 'Hello' });
    expect((await profile(u.username)).json()).toMatchObject({
      displayName: 'New Name',
      bio: 'Hello',
    });

    const bad = await t.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: bearer(u.accessToken),
      payload: { avatarUrl: 'javascript:alert(1)', displayName: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['avatarUrl', 'displayName']);
    const cleared = await t.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: bearer(u.accessToken),
      payload: { bio: null, avatarUrl: null },
    });
    expect(cleared.json()).toMatchObject({ bio: null, avatarUrl: null });
    expect((await profile('no-such-user')).statusCode).toBe(404);
  });

  it('follows and unfollows idempotently, keeping counts and followedByMe right', async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    expect((await follow(a, b.username)).json()).toEqual({ following: true });
    expect((await follow(a, b.username)).statusCode).toBe(200);
    expect((await profile(b.username)).json()).toMatchObject({
      followerCount: 1,
      followingCount: 0,
    });
    expect((await profile(b.username)).json().followedByMe).toBeUndefined();
    expect((await profile(b.username, a.accessToken)).json().followedByMe).toBe(true);
    expect((await profile(a.username, b.accessToken)).json()).toMatchObject({
      followingCount: 1,
      followedByMe: false,
    });
    expect(received).toContainEqual({
      name: 'users.user.followed',
      payload: { followerId: a.id, followeeId: b.id },
    });
    const me = await t.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(a.accessToken),
    });
    expect(me.json().followingCount).toBe(1);

    const self = await follow(a, a.username);
    expect(self.statusCode).toBe(422);
    expect((await follow(a, 'nobody-here')).statusCode).toBe(404);
    expect(
      (await t.inject({ method: 'POST', url: `/api/v1/users/${b.username}/follow` })).statusCode,
    ).toBe(401);

    expect((await follow(a, b.username, 'DELETE')).json()).toEqual({ following: false });
    expect((await follow(a, b.username, 'DELETE')).statusCode).toBe(200);
    expect((await profile(b.username)).json()).toMatchObject({ followerCount: 0 });
    expect((await profile(a.username)).json()).toMatchObject({ followingCount: 0 });
  });

  it('pages followers and following with keyset cursors, no duplicates, newest first', async () => {
    const star = await registerUser(t);
    const fans: RegisteredUser[] = [];
    for (let i = 0; i < 7; i++) {
      const fan = await registerUser(t);
      await follow(fan, star.username);
      fans.push(fan);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users/${star.username}/followers?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i: { username: string }) => i.username));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(fans.map((f) => f.username).reverse());

    // A follow that arrives while paging does not shift later pages (keyset, not offset).
    const first = (await t.inject(`/api/v1/users/${star.username}/followers?limit=3`)).json();
    await follow(await registerUser(t), star.username);
    const second = (
      await t.inject(`/api/v1/users/${star.username}/followers?limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((i: { username: string }) => i.username)).toEqual(seen.slice(3, 6));

    const following = (await t.inject(`/api/v1/users/${fans[0].username}/following`)).json();
    expect(following).toEqual({
      items: [
        expect.objectContaining({
          id: star.id,
          username: star.username,
          followedAt: expect.any(String),
        }),
      ],
      nextCursor: null,
    });
    const badCursor = await t.inject(`/api/v1/users/${star.username}/followers?cursor=bm9wZQ`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].field).toBe('cursor');
    expect((await t.inject(`/api/v1/users/${star.username}/followers?limit=101`)).statusCode).toBe(
      400,
    );

    // Cursors are signed per listing: a followers cursor is refused on following, and a position
    // built by hand (or re-signed body with a stolen MAC) is refused everywhere.
    const crossed = await t.inject(
      `/api/v1/users/${star.username}/following?cursor=${first.nextCursor}`,
    );
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().type).toMatch(/invalid-cursor$/);
    const [, mac] = (first.nextCursor as string).split('.');
    const forgedBody = Buffer.from(
      JSON.stringify(['2999-01-01T00:00:00.000000Z', star.id]),
    ).toString('base64url');
    const forged = await t.inject(
      `/api/v1/users/${star.username}/followers?cursor=${forgedBody}.${mac}`,
    );
    expect(forged.statusCode).toBe(400);
    const unsigned = Buffer.from(`2999-01-01T00:00:00Z|${star.id}`).toString('base64url');
    expect(
      (await t.inject(`/api/v1/users/${star.username}/followers?cursor=${unsigned}`)).statusCode,
    ).toBe(400);

    // FollowsService.followingIds (content's feed) sees the same data.
    expect(await t.app.get(FollowsService).followingIds(fans[0].id)).toEqual([star.id]);
  });

  it('keeps the published article count from content events', async () => {
    const u = await registerUser(t);
    const ev = (name: string, extra: object = {}) =>
      t.app.get(EventEmitter2).emitAsync(name, {
        articleId: randomUUID(),
        authorId: u.id,
        slug: 's',
        status: 'published',
        ...extra,
      });
    await ev('content.article.published');
    await ev('content.article.published');
    await ev('content.article.unpublished');
    await ev('content.article.published');
    await ev('content.article.deleted', { wasPublished: true });
    await ev('content.article.deleted', { wasPublished: false });
    expect((await profile(u.username)).json().publishedArticleCount).toBe(1);
    const me = await t.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(u.accessToken),
    });
    expect(me.json().publishedArticleCount).toBe(1);
    // Never negative, whatever order events arrive in.
    await ev('content.article.unpublished');
    await ev('content.article.unpublished');
    expect((await profile(u.username)).json().publishedArticleCount).toBe(0);
  });

  it('account deletion removes the user and fixes the counters of people they followed', async () => {
    const leaver = await registerUser(t);
    const friend = await registerUser(t);
    await follow(leaver, friend.username);
    await follow(friend, leaver.username);
    const del = await t.inject({
      method: 'DELETE',
      url: '/api/v1/users/me',
      headers: bearer(leaver.accessToken),
      payload: { password: leaver.password },
    });
    expect(del.statusCode).toBe(204);
    expect(received).toContainEqual({ name: 'users.user.deleted', payload: { userId: leaver.id } });
    expect((await profile(friend.username)).json()).toMatchObject({
      followerCount: 0,
      followingCount: 0,
    });
    const db = t.app.get(DataSource);
    for (const table of ['user_sessions', 'refresh_tokens', 'account_tokens']) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [
        leaver.id,
      ]);
      expect(n).toBe(0);
    }
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM follows WHERE $1 IN (follower_id, followee_id)`,
      [leaver.id],
    );
    expect(n).toBe(0);
  });

  it('admin lists users newest first with keyset pages and filters', async () => {
    const admin = await loginAsAdmin(t);
    const mine = [
      await registerUser(t, { displayName: 'Zed' }),
      await registerUser(t),
      await registerUser(t),
    ];
    const list = (query: string) =>
      t.inject({
        method: 'GET',
        url: `/api/v1/admin/users?${query}`,
        headers: bearer(admin.accessToken),
      });
    const page1 = (await list('limit=2')).json();
    expect(page1.items.map((u: { id: string }) => u.id)).toEqual([mine[2].id, mine[1].id]);
    expect(page1.items[0]).toEqual({
      id: mine[2].id,
      email: mine[2].email,
      username: mine[2].username,
      displayName: mine[2].displayName,
      role: 'user',
      emailVerified: true,
      suspended: false,
      suspendedReason: null,
      createdAt: expect.any(String),
    });
    const page2 = (await list(`limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].id).toBe(mine[0].id);
    // An admin cursor is only good for the admin listing.
    expect(
      (await t.inject(`/api/v1/users/${mine[0].username}/followers?cursor=${page1.nextCursor}`))
        .statusCode,
    ).toBe(400);
    const admins = (await list('role=admin')).json();
    expect(admins.items.map((u: { email: string }) => u.email)).toEqual([ADMIN_ENV.ADMIN_EMAIL]);
    const byPrefix = (await list(`q=${mine[1].username.slice(0, 12).toUpperCase()}`)).json();
    expect(byPrefix.items.map((u: { id: string }) => u.id)).toContain(mine[1].id);
    expect((await list('q=%25')).json().items).toEqual([]);
    expect((await list('role=root')).statusCode).toBe(400);
    expect(
      (await list('status=suspended'))
        .json()
        .items.every((u: { suspended: boolean }) => u.suspended),
    ).toBe(true);
  });

  it('admin bootstrap is idempotent and applies a changed ADMIN_PASSWORD', async () => {
    const bootstrap = t.app.get(AdminBootstrap);
    const run = (password: string = ADMIN_ENV.ADMIN_PASSWORD) =>
      bootstrap.ensure(ADMIN_ENV.ADMIN_EMAIL.toUpperCase(), password);
    const db = t.app.get(DataSource);
    const count = async () =>
      (
        await db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1 AND role = 'admin'`, [
          ADMIN_ENV.ADMIN_EMAIL,
        ])
      )[0].n;
    await run();
    await run();
    expect(await count()).toBe(1);
    const before = await loginAsAdmin(t);
    await run('a rotated admin passphrase');
    expect(
      (
        await t.inject({
          method: 'GET',
          url: '/api/v1/users/me',
          headers: bearer(before.accessToken),
        })
      ).statusCode,
    ).toBe(401);
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN_ENV.ADMIN_EMAIL, password: 'a rotated admin passphrase' },
    });
    expect(login.statusCode).toBe(200);
    await run();
    expect(await count()).toBe(1);
  });
});
