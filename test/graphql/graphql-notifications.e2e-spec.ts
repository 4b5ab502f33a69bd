import { randomUUID } from 'node:crypto';
import { registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { newFollowers, unreadCount } from '../notifications/notification-helpers';
import { codes, gql } from './graphql-helpers';

interface Connection {
  edges: { node: { id: string; type: string; actorId: string; read: boolean }; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const LIST = `query($first: Int, $after: String, $unread: Boolean, $type: String) {
  notifications(first: $first, after: $after, unread: $unread, type: $type) {
    edges { node { id seq type actorId subjectType read readAt createdAt data } cursor }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe.each(testModes())('GraphQL notifications (%s mode)', (mode) => {
  let t: TestApp;
  let owner: RegisteredUser;
  let other: RegisteredUser;
  const fans: RegisteredUser[] = [];

  beforeAll(async () => {
    t = await startTestApp(mode, { listen: false });
    owner = await registerUser(t);
    other = await registerUser(t);
    fans.push(...(await newFollowers(t, owner, 3)));
  });
  afterAll(() => t?.close());

  const list = (user: RegisteredUser, variables: Record<string, unknown> = {}) =>
    gql<{ notifications: Connection }>(t, LIST, variables, user.accessToken);

  it('lists the caller’s notifications as a connection, paged and filtered like REST', async () => {
    const first = await list(owner, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.notifications;
    expect(page1.edges.map((e) => e.node.actorId)).toEqual([fans[2].id, fans[1].id]);
    expect(page1.edges[0].node).toMatchObject({ type: 'follower.new', read: false });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[1].cursor).toBe(page1.pageInfo.endCursor);
    const page2 = (await list(owner, { first: 2, after: page1.pageInfo.endCursor })).data!
      .notifications;
    expect(page2.edges.map((e) => e.node.actorId)).toEqual([fans[0].id]);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    // The REST rules: a cursor of one listing is refused on another, bad filters are input errors.
    const replay = await list(owner, { first: 2, unread: true, after: page1.pageInfo.endCursor });
    expect(codes(replay)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await list(owner, { type: 'nonsense' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await list(owner, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
    const byType = await list(owner, { type: 'follower.new' });
    expect(byType.data!.notifications.edges).toHaveLength(3);
    expect((await list(owner, { type: 'comment.reply' })).data!.notifications.edges).toEqual([]);
    // Another user sees none of them.
    expect((await list(other)).data!.notifications.edges).toEqual([]);
  });

  it('marks read (own only: another user’s id is NOT_FOUND) and counts unread', async () => {
    const count = () =>
      gql<{ unreadCount: number }>(t, '{ unreadCount }', undefined, owner.accessToken);
    expect((await count()).data).toEqual({ unreadCount: 3 });
    const target = (await list(owner, { first: 1 })).data!.notifications.edges[0].node;
    const mark = (user: RegisteredUser, id: string) =>
      gql(t, 'mutation($id: ID!) { markNotificationRead(id: $id) }', { id }, user.accessToken);

    const stolen = await mark(other, target.id);
    expect(codes(stolen)).toEqual(['NOT_FOUND']);
    expect(stolen.errors![0].extensions.type).toBe(
      'https://nexus.dev/problems/notification-not-found',
    );
    expect(codes(await mark(owner, randomUUID()))).toEqual(['NOT_FOUND']);
    expect(codes(await mark(owner, 'not-a-uuid'))).toEqual(['BAD_USER_INPUT']);
    expect((await count()).data).toEqual({ unreadCount: 3 });

    expect((await mark(owner, target.id)).data).toEqual({ markNotificationRead: true });
    // Idempotent, and the cached count (shared with REST) follows at once.
    expect((await mark(owner, target.id)).data).toEqual({ markNotificationRead: true });
    expect((await count()).data).toEqual({ unreadCount: 2 });
    expect(await unreadCount(t, owner)).toBe(2);
    const unread = (await list(owner, { unread: true })).data!.notifications.edges;
    expect(unread.map((e) => e.node.id)).not.toContain(target.id);
    expect(unread).toHaveLength(2);

    const all = await gql(t, 'mutation { markAllNotificationsRead }', undefined, owner.accessToken);
    expect(all.data).toEqual({ markAllNotificationsRead: 2 });
    expect((await count()).data).toEqual({ unreadCount: 0 });
    // Nothing of the owner's was touched by the other user's calls.
    expect((await list(other)).data!.notifications.edges).toEqual([]);
  });

  it('answers UNAUTHENTICATED to anonymous callers and bad tokens', async () => {
    for (const [query, variables] of [
      [LIST, {}],
      ['{ unreadCount }', undefined],
      ['mutation($id: ID!) { markNotificationRead(id: $id) }', { id: randomUUID() }],
      ['mutation { markAllNotificationsRead }', undefined],
    ] as const) {
      expect(codes(await gql(t, query, variables))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await gql(t, query, variables, 'not.a.jwt'))).toEqual(['UNAUTHENTICATED']);
    }
  });
});
