import { randomUUID } from 'node:crypto';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { waitUntil } from '../support/sync';
import { TestApp } from '../support/test-app';

export interface NotificationItem {
  id: string;
  seq: number;
  type: string;
  actorId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  read: boolean;
}

/** The user's notifications (first page of 100), newest first. */
export async function notificationsOf(
  t: TestApp,
  user: RegisteredUser,
  query = '',
): Promise<NotificationItem[]> {
  const res = await t.inject({
    method: 'GET',
    url: `/api/v1/notifications?limit=100${query}`,
    headers: bearer(user.accessToken),
  });
  if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
  return res.json().items;
}

/** Waits until the user has a notification of `type` matching `match`. */
export async function waitForNotification(
  t: TestApp,
  user: RegisteredUser,
  type: string,
  match: (n: NotificationItem) => boolean = () => true,
): Promise<NotificationItem> {
  return waitUntil(async () =>
    (await notificationsOf(t, user)).find((n) => n.type === type && match(n)),
  );
}

export async function unreadCount(t: TestApp, user: RegisteredUser): Promise<number> {
  const res = await t.inject({
    method: 'GET',
    url: '/api/v1/notifications/unread-count',
    headers: bearer(user.accessToken),
  });
  if (res.statusCode !== 200) throw new Error(`count: ${res.statusCode} ${res.body}`);
  return res.json().count;
}

export async function follow(t: TestApp, follower: RegisteredUser, followee: RegisteredUser) {
  const res = await t.inject({
    method: 'POST',
    url: `/api/v1/users/${followee.username}/follow`,
    headers: bearer(follower.accessToken),
  });
  if (res.statusCode >= 300) throw new Error(`follow: ${res.statusCode} ${res.body}`);
}

/**
 * `n` new users following `followee`, in order, once the followee's notifications of them are
 * written: a follow's event may be delivered by the outbox relay just after the answer, and the
 * events of one followee are delivered in order, so the last one's notification means all are.
 */
export async function newFollowers(
  t: TestApp,
  followee: RegisteredUser,
  n: number,
): Promise<RegisteredUser[]> {
  const fans: RegisteredUser[] = [];
  for (let i = 0; i < n; i++) {
    const fan = await registerUser(t);
    fans.push(fan);
    await follow(t, fan, followee);
  }
  await waitForNotification(t, followee, 'follower.new', (x) => x.actorId === fans[n - 1].id);
  return fans;
}

/** What both a TypeORM DataSource and a pg Client offer. */
interface Queryable {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * `n` verified users following `followeeId`, written straight into users' tables (a fan-out reads
 * them through UserDirectory); the follow dates are spread over the last 30 days.
 */
export async function seedFollowers(db: Queryable, followeeId: string, n: number): Promise<void> {
  const tag = randomUUID().slice(0, 8);
  await db.query(
    `WITH u AS (
       INSERT INTO users (email, username, display_name, password_hash, email_verified_at)
       SELECT 'f' || $2 || '-' || g || '@example.test', 'f' || $2 || g, 'Follower ' || g, 'x', now()
         FROM generate_series(1, $3::int) g
       RETURNING id)
     INSERT INTO follows (follower_id, followee_id, created_at)
     SELECT id, $1, now() - (random() * interval '30 days') FROM u`,
    [followeeId, tag, n],
  );
}
