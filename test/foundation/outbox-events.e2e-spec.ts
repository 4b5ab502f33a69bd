import { OutboxRepository } from '@nexus/core';
import { DataSource } from 'typeorm';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { eventRecorder } from '../support/event-recorder';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';
import { createArticle } from '../content/content-helpers';

/**
 * The events notifications depend on are written to the outbox in the transaction of their
 * write: each arrives with the outbox row's id as eventId, the row is marked delivered, and the
 * payload carries what a notification needs.
 */
describe.each(testModes())('users and content events go through the outbox (%s mode)', (mode) => {
  let t: TestApp;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  const {
    module: recorder,
    received,
    metas,
  } = eventRecorder([
    'users.user.registered',
    'users.user.email_verified',
    'users.user.logged_in',
    'users.user.followed',
    'users.user.password_changed',
    'users.session.all_revoked',
    'content.article.published',
    'content.comment.created',
    'content.reaction.changed',
  ]);

  beforeAll(async () => {
    t = await startTestApp(mode, { imports: [recorder] });
    alice = await registerUser(t);
    bob = await registerUser(t);
  });
  afterAll(() => t?.close());

  /** The recorded events of `name` matching `payload`, each checked against its outbox row. */
  const outboxed = async (name: string, payload: Record<string, unknown>) => {
    const matching = () =>
      received
        .map((r, i) => ({ ...r, meta: metas[i] }))
        .filter(
          (r) =>
            r.name === name &&
            Object.entries(payload).every(
              ([k, v]) => (r.payload as Record<string, unknown>)[k] === v,
            ),
        );
    // Registration delivers after its answer (its timing must not differ): wait for it.
    await waitUntil(() => matching().length > 0, { what: `${name} delivered` });
    const hits = matching();
    expect(hits).toHaveLength(1);
    const row = await waitUntil(
      async () => {
        const r = await t.app.get(OutboxRepository).findById(hits[0].meta.eventId);
        return r?.deliveredAt ? r : undefined;
      },
      { what: `${name} row marked delivered` },
    );
    expect(row.name).toBe(name);
    return { payload: hits[0].payload, row };
  };

  it('registration, verification and login', async () => {
    const registered = await outboxed('users.user.registered', { userId: alice.id });
    expect(registered.payload).toEqual({
      userId: alice.id,
      email: alice.email,
      username: alice.username,
    });
    expect(registered.row.aggregateId).toBe(alice.id);
    await outboxed('users.user.email_verified', { userId: alice.id });
    const login = await outboxed('users.user.logged_in', { userId: bob.id });
    expect(login.payload).toEqual({ userId: bob.id, ip: '127.0.0.1', country: null });
  });

  it('follow', async () => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/users/${alice.username}/follow`,
      headers: bearer(bob.accessToken),
    });
    expect(res.statusCode).toBeLessThan(300);
    const followed = await outboxed('users.user.followed', {
      followerId: bob.id,
      followeeId: alice.id,
    });
    expect(followed.row.aggregateId).toBe(alice.id);
  });

  it('article published, comment and reply, reaction with the article author and count', async () => {
    const article = await createArticle(t, alice.accessToken, { title: 'Outboxed' }, true);
    const published = await outboxed('content.article.published', { articleId: article.id });
    expect(published.payload).toMatchObject({ authorId: alice.id, status: 'published' });
    expect(published.row.aggregateId).toBe(article.id);

    const top = await t.inject({
      method: 'POST',
      url: `/api/v1/articles/${article.id}/comments`,
      headers: bearer(bob.accessToken),
      payload: { body: 'First!' },
    });
    expect(top.statusCode).toBe(201);
    const reply = await t.inject({
      method: 'POST',
      url: `/api/v1/articles/${article.id}/comments`,
      headers: bearer(alice.accessToken),
      payload: { body: 'Thanks', parentId: top.json().id },
    });
    expect(reply.statusCode).toBe(201);
    const comment = await outboxed('content.comment.created', { commentId: top.json().id });
    expect(comment.payload).toEqual({
      commentId: top.json().id,
      articleId: article.id,
      authorId: bob.id,
      articleAuthorId: alice.id,
      parentId: null,
      parentAuthorId: null,
    });
    const replied = await outboxed('content.comment.created', { commentId: reply.json().id });
    expect(replied.payload).toMatchObject({ parentId: top.json().id, parentAuthorId: bob.id });

    const like = await t.inject({
      method: 'PUT',
      url: `/api/v1/articles/${article.id}/reactions/like`,
      headers: bearer(bob.accessToken),
    });
    expect(like.statusCode).toBe(200);
    const reaction = await outboxed('content.reaction.changed', {
      articleId: article.id,
      userId: bob.id,
    });
    expect(reaction.payload).toEqual({
      articleId: article.id,
      userId: bob.id,
      liked: true,
      articleAuthorId: alice.id,
      likesCount: 1,
    });
    // The cache invalidation listener ran before the response: the count is fresh.
    expect((await t.inject(`/api/v1/articles/${article.slug}`)).json().likesCount).toBe(1);
  });

  it('password change and logging out everywhere', async () => {
    const newPassword = `${bob.password}-new`;
    const change = await t.inject({
      method: 'POST',
      url: '/api/v1/users/me/password',
      headers: bearer(bob.accessToken),
      payload: { currentPassword: bob.password, newPassword },
    });
    expect(change.statusCode).toBeLessThan(300);
    const changed = await outboxed('users.user.password_changed', { userId: bob.id });
    expect(changed.payload).toEqual({ userId: bob.id, via: 'change' });

    const all = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      headers: bearer(bob.accessToken),
    });
    expect(all.statusCode).toBeLessThan(300);
    const revoked = await outboxed('users.session.all_revoked', { userId: bob.id });
    expect(revoked.payload).toEqual({ userId: bob.id, reason: 'logout-all' });
    // The sessions are gone: the access token no longer works.
    expect(
      (await t.inject({ url: '/api/v1/users/me', headers: bearer(bob.accessToken) })).statusCode,
    ).toBe(401);
  });

  it('leaves nothing undelivered behind', async () => {
    const { pending } = await t.app.get(OutboxRepository).pendingStats();
    expect(pending).toBe(0);
    const rows: { n: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM outbox_events`);
    expect(rows[0].n).toBeGreaterThanOrEqual(10);
  });
});
