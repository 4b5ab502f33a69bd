import { bearer, RegisteredUser } from '../support/auth';
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
