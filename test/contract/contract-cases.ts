import { randomUUID } from 'node:crypto';
import { EmailDeliveriesRepository } from '@nexus/core';
import { UnsubscribeLinks } from '@nexus/notifications';
import type { TestApp } from '../support/test-app';
import { waitUntil } from '../support/sync';
import {
  bearer,
  loginAs,
  RegisteredUser,
  tokenFromMail,
  uniqueIdentity,
  waitForMail,
} from '../support/auth';

/** Who sends a request: no header, a user's (or the admin's) access token, or a bad credential. */
export type Caller = 'anonymous' | 'user' | 'other' | 'admin' | 'bad-token';

/** One request of the contract test and the status it must get. */
export interface Case {
  /** The documented operation, `METHOD /path/{param}`. */
  op: string;
  as: Caller;
  path?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** An endless answer (Server-Sent Events): sent over a real connection, closed after the headers. */
  stream?: boolean;
  /** Reads what later cases need from the answer. */
  after?: (body: unknown, headers: Record<string, unknown>) => void | Promise<void>;
}

/** What the scenario shares: accounts, ids, tokens read from answers and emails. */
export interface Ctx {
  t: TestApp;
  user: RegisteredUser;
  other: RegisteredUser;
  admin: string;
  /** Accounts used up by destructive cases (password change, logout-all, deletion, reset). */
  spares: RegisteredUser[];
  vars: Record<string, string>;
}

const mailText = async (t: TestApp, to: string, subject: RegExp) =>
  (await t.mailbox.waitFor((m) => m.to.includes(to) && subject.test(m.subject))).text;

/**
 * A success and the characteristic errors of every operation, in an order that works: each
 * case may use what earlier ones created. A new route adds its cases here (at least one 2xx);
 * generic errors (bad credential, anonymous caller, malformed input) are added by the test.
 */
export function scenario(c: Ctx): (() => Case | Promise<Case>)[] {
  const { t, user, other, vars } = c;
  const fresh = uniqueIdentity('c');
  const password = 'contract-Passphrase-42';
  const spare = (i: number) => c.spares[i];
  return [
    () => ({ op: 'GET /api/v1/ping', as: 'anonymous', status: 200 }),
    () => ({ op: 'GET /health/live', as: 'anonymous', status: 200 }),
    () => ({ op: 'GET /health/ready', as: 'anonymous', status: 200 }),

    // users: accounts and authentication
    () => ({
      op: 'POST /api/v1/auth/register',
      as: 'anonymous',
      body: { ...fresh, password, displayName: 'Contract Tester' },
      status: 202,
    }),
    () => ({
      op: 'POST /api/v1/auth/register',
      as: 'anonymous',
      body: { email: `x${fresh.email}`, username: user.username, password, displayName: 'X' },
      status: 409,
    }),
    () => ({
      op: 'POST /api/v1/auth/verify-email',
      as: 'anonymous',
      body: { token: 'nope' },
      status: 400,
    }),
    async (): Promise<Case> => ({
      op: 'POST /api/v1/auth/verify-email',
      as: 'anonymous',
      body: { token: tokenFromMail((await waitForMail(t, fresh.email, /confirm/i)).text) },
      status: 200,
    }),
    async (): Promise<Case> => {
      // An account that stays unverified: the resend is for it.
      const unverified = uniqueIdentity('c');
      const register = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { ...unverified, password, displayName: 'Unverified' },
      });
      if (register.statusCode !== 202) throw new Error(`register: ${register.body}`);
      const { accessToken } = await loginAs(t, unverified.email, password);
      return {
        op: 'POST /api/v1/auth/verify-email/resend',
        as: 'anonymous',
        headers: bearer(accessToken),
        status: 202,
      };
    },
    () => ({ op: 'POST /api/v1/auth/verify-email/resend', as: 'user', status: 409 }),
    () => ({
      op: 'POST /api/v1/auth/login',
      as: 'anonymous',
      body: { email: fresh.email, password },
      status: 200,
      after: (b) => {
        vars.refresh = (b as { refreshToken: string }).refreshToken;
      },
    }),
    () => ({
      op: 'POST /api/v1/auth/login',
      as: 'anonymous',
      body: { username: fresh.username, password: 'wrong-password-123' },
      status: 401,
    }),
    () => ({
      op: 'POST /api/v1/auth/refresh',
      as: 'anonymous',
      body: { refreshToken: vars.refresh },
      status: 200,
      after: (b) => {
        vars.refresh = (b as { refreshToken: string }).refreshToken;
      },
    }),
    () => ({
      op: 'POST /api/v1/auth/refresh',
      as: 'anonymous',
      body: { refreshToken: 'x' },
      status: 401,
    }),
    () => ({
      op: 'POST /api/v1/auth/logout',
      as: 'anonymous',
      body: { refreshToken: vars.refresh },
      status: 204,
    }),
    () => ({
      op: 'POST /api/v1/auth/logout-all',
      as: 'anonymous',
      headers: bearer(spare(0).accessToken),
      status: 204,
    }),
    () => ({
      op: 'POST /api/v1/auth/password/forgot',
      as: 'anonymous',
      body: { email: spare(1).email },
      status: 202,
    }),
    async (): Promise<Case> => ({
      op: 'POST /api/v1/auth/password/reset',
      as: 'anonymous',
      body: {
        token: tokenFromMail(await mailText(t, spare(1).email, /reset/i)),
        newPassword: 'a brand new contract passphrase',
      },
      status: 204,
    }),
    () => ({
      op: 'POST /api/v1/auth/password/reset',
      as: 'anonymous',
      body: { token: 'nope', newPassword: 'a brand new contract passphrase' },
      status: 400,
    }),

    // users: the caller, profiles, follows
    () => ({ op: 'GET /api/v1/users/me', as: 'user', status: 200 }),
    () => ({
      op: 'PATCH /api/v1/users/me',
      as: 'user',
      body: { bio: 'Contract tests.' },
      status: 200,
    }),
    () => ({ op: 'PATCH /api/v1/users/me', as: 'user', body: { role: 'admin' }, status: 400 }),
    () => ({
      op: 'POST /api/v1/users/me/password',
      as: 'anonymous',
      headers: bearer(spare(2).accessToken),
      body: { currentPassword: spare(2).password, newPassword: 'another contract passphrase' },
      status: 204,
    }),
    async (): Promise<Case> => {
      vars.secondSession = '';
      await loginAs(t, user.email, user.password);
      return {
        op: 'GET /api/v1/users/me/sessions',
        as: 'user',
        status: 200,
        after: (b) => {
          const other = (b as { id: string; current: boolean }[]).find((s) => !s.current);
          vars.secondSession = other!.id;
        },
      };
    },
    () => ({
      op: 'DELETE /api/v1/users/me/sessions/{sessionId}',
      as: 'user',
      path: { sessionId: vars.secondSession },
      status: 204,
    }),
    () => ({
      op: 'DELETE /api/v1/users/me/sessions/{sessionId}',
      as: 'user',
      path: { sessionId: randomUUID() },
      status: 404,
    }),
    () => ({
      op: 'GET /api/v1/users/{username}',
      as: 'anonymous',
      path: { username: other.username },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/users/{username}',
      as: 'user',
      path: { username: other.username },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/users/{username}',
      as: 'anonymous',
      path: { username: 'nobody-here' },
      status: 404,
    }),
    () => ({
      op: 'POST /api/v1/users/{username}/follow',
      as: 'user',
      path: { username: other.username },
      status: 200,
    }),
    () => ({
      op: 'POST /api/v1/users/{username}/follow',
      as: 'user',
      path: { username: user.username },
      status: 422,
    }),
    () => ({
      op: 'GET /api/v1/users/{username}/followers',
      as: 'anonymous',
      path: { username: other.username },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/users/{username}/following',
      as: 'anonymous',
      path: { username: user.username },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/users/{username}/following',
      as: 'anonymous',
      path: { username: user.username },
      query: 'cursor=forged',
      status: 400,
    }),
    () => ({ op: 'GET /api/v1/admin/users', as: 'admin', query: 'limit=5', status: 200 }),
    () => ({ op: 'GET /api/v1/admin/users', as: 'user', status: 403 }),
    () => ({
      op: 'PATCH /api/v1/admin/users/{id}',
      as: 'admin',
      path: { id: spare(0).id },
      body: { suspended: true, reason: 'Contract test' },
      status: 200,
    }),
    () => ({
      op: 'PATCH /api/v1/admin/users/{id}',
      as: 'admin',
      path: { id: randomUUID() },
      body: { suspended: true },
      status: 404,
    }),

    // content
    () => ({
      op: 'POST /api/v1/articles',
      as: 'user',
      body: { title: 'Contract article', body: 'A body for the contract.', tags: ['contract'] },
      status: 201,
      after: (b) => {
        vars.articleId = (b as { id: string }).id;
        vars.slug = (b as { slug: string }).slug;
      },
    }),
    () => ({ op: 'POST /api/v1/articles', as: 'user', body: { title: '' }, status: 400 }),
    () => ({
      op: 'PATCH /api/v1/articles/{id}',
      as: 'user',
      path: { id: vars.articleId },
      body: { excerpt: null, coverUrl: 'https://images.example.com/c.png' },
      status: 200,
    }),
    () => ({
      op: 'PATCH /api/v1/articles/{id}',
      as: 'user',
      path: { id: randomUUID() },
      body: { title: 'x' },
      status: 404,
    }),
    () => ({
      op: 'POST /api/v1/articles/{id}/publish',
      as: 'user',
      path: { id: vars.articleId },
      status: 200,
    }),
    () => ({
      op: 'PATCH /api/v1/articles/{id}',
      as: 'other',
      path: { id: vars.articleId },
      body: { title: 'Mine' },
      status: 403,
    }),
    () => ({
      op: 'GET /api/v1/articles',
      as: 'anonymous',
      query: 'limit=1',
      status: 200,
      after: (_, h) => {
        vars.etag = String(h.etag);
      },
    }),
    () => ({
      op: 'GET /api/v1/articles',
      as: 'anonymous',
      query: 'limit=1',
      headers: { 'if-none-match': vars.etag },
      status: 304,
    }),
    () => ({
      op: 'GET /api/v1/articles',
      as: 'anonymous',
      query: 'q=contract&tag=contract',
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/articles',
      as: 'anonymous',
      query: 'sort=top&window=30',
      status: 200,
    }),
    () => ({ op: 'GET /api/v1/articles', as: 'anonymous', query: 'cursor=forged', status: 400 }),
    () => ({
      op: 'GET /api/v1/articles/{slug}',
      as: 'anonymous',
      path: { slug: vars.slug },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/articles/{slug}',
      as: 'user',
      path: { slug: vars.slug },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/articles/{slug}',
      as: 'anonymous',
      path: { slug: 'no-such-article' },
      status: 404,
    }),
    () => ({ op: 'GET /api/v1/feed', as: 'other', status: 200 }),
    () => ({ op: 'GET /api/v1/trending', as: 'anonymous', query: 'days=30', status: 200 }),
    () => ({ op: 'GET /api/v1/trending', as: 'anonymous', query: 'days=31', status: 400 }),
    () => ({ op: 'GET /api/v1/tags', as: 'anonymous', status: 200 }),
    () => ({
      op: 'POST /api/v1/articles/{id}/comments',
      as: 'other',
      path: { id: vars.articleId },
      body: { body: 'A contract comment' },
      status: 201,
      after: (b) => {
        vars.commentId = (b as { id: string }).id;
      },
    }),
    () => ({
      op: 'POST /api/v1/articles/{id}/comments',
      as: 'user',
      path: { id: vars.articleId },
      body: { body: 'A reply', parentId: vars.commentId },
      status: 201,
    }),
    () => ({
      op: 'POST /api/v1/articles/{id}/comments',
      as: 'user',
      path: { id: randomUUID() },
      body: { body: 'x' },
      status: 404,
    }),
    () => ({
      op: 'GET /api/v1/articles/{id}/comments',
      as: 'anonymous',
      path: { id: vars.articleId },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/articles/{id}/comments',
      as: 'anonymous',
      path: { id: randomUUID() },
      status: 404,
    }),
    () => ({
      op: 'PUT /api/v1/articles/{id}/reactions/like',
      as: 'other',
      path: { id: vars.articleId },
      status: 200,
    }),
    () => ({
      op: 'DELETE /api/v1/articles/{id}/reactions/like',
      as: 'other',
      path: { id: vars.articleId },
      status: 200,
    }),
    () => ({
      op: 'PUT /api/v1/articles/{id}/reactions/like',
      as: 'other',
      path: { id: randomUUID() },
      status: 404,
    }),
    () => ({
      op: 'DELETE /api/v1/comments/{id}',
      as: 'anonymous',
      headers: bearer(c.admin),
      path: { id: vars.commentId },
      status: 204,
    }),
    () => ({
      op: 'DELETE /api/v1/comments/{id}',
      as: 'user',
      path: { id: randomUUID() },
      status: 404,
    }),
    () => ({ op: 'GET /api/v1/admin/cache/metrics', as: 'admin', status: 200 }),
    () => ({ op: 'GET /api/v1/admin/cache/metrics', as: 'user', status: 403 }),
    () => ({
      op: 'POST /api/v1/articles/{id}/unpublish',
      as: 'user',
      path: { id: vars.articleId },
      status: 200,
    }),
    () => ({
      op: 'DELETE /api/v1/articles/{id}',
      as: 'other',
      path: { id: vars.articleId },
      status: 404,
    }),
    () => ({
      op: 'DELETE /api/v1/articles/{id}',
      as: 'user',
      path: { id: vars.articleId },
      status: 204,
    }),

    // core admin: queues and email deliveries
    () => ({ op: 'GET /api/v1/admin/queues', as: 'admin', status: 200 }),
    () => ({ op: 'GET /api/v1/admin/queues', as: 'user', status: 403 }),
    () => ({
      op: 'GET /api/v1/admin/notifications/deliveries',
      as: 'admin',
      query: 'status=sent&limit=1',
      status: 200,
      after: (b) => {
        vars.deliveryId = (b as { items: { id: string }[] }).items[0]?.id ?? '';
      },
    }),
    () => ({
      op: 'GET /api/v1/admin/notifications/deliveries',
      as: 'admin',
      query: 'status=lost',
      status: 400,
    }),
    () => ({
      op: 'POST /api/v1/admin/notifications/deliveries/{id}/retry',
      as: 'admin',
      path: { id: vars.deliveryId },
      status: 409,
    }),
    async (): Promise<Case> => {
      // What a last failed attempt leaves: a dead delivery, the one kind that can be retried.
      const repo = t.app.get(EmailDeliveriesRepository);
      await repo.markFailed(vars.deliveryId, 'contract: smtp said no');
      await repo.markDead(vars.deliveryId, 'contract: smtp said no');
      return {
        op: 'POST /api/v1/admin/notifications/deliveries/{id}/retry',
        as: 'admin',
        path: { id: vars.deliveryId },
        status: 202,
      };
    },
    () => ({
      op: 'POST /api/v1/admin/notifications/deliveries/{id}/retry',
      as: 'admin',
      path: { id: randomUUID() },
      status: 404,
    }),

    // notifications: `other` was followed by `user` above
    async (): Promise<Case> => {
      await waitUntil(
        async () => {
          const res = await t.inject({
            method: 'GET',
            url: '/api/v1/notifications',
            headers: bearer(other.accessToken),
          });
          return (res.json() as { items: unknown[] }).items.length > 0;
        },
        { what: 'the follower notification' },
      );
      return {
        op: 'GET /api/v1/notifications',
        as: 'other',
        query: 'type=follower.new',
        status: 200,
        after: (b) => {
          vars.notificationId = (b as { items: { id: string }[] }).items[0].id;
        },
      };
    },
    () => ({ op: 'GET /api/v1/notifications', as: 'other', query: 'type=nope', status: 400 }),
    () => ({ op: 'GET /api/v1/notifications/unread-count', as: 'other', status: 200 }),
    () => ({
      op: 'GET /api/v1/notifications/stream',
      as: 'other',
      headers: { accept: 'text/event-stream' },
      stream: true,
      status: 200,
    }),
    () => ({ op: 'GET /api/v1/notifications/stream', as: 'other', status: 406 }),
    () => ({ op: 'GET /api/v1/notifications/preferences', as: 'other', status: 200 }),
    () => ({
      op: 'PUT /api/v1/notifications/preferences',
      as: 'other',
      body: {
        digest: 'weekly',
        preferences: [{ type: 'follower.new', channel: 'email', enabled: false }],
      },
      status: 200,
    }),
    () => ({
      op: 'PUT /api/v1/notifications/preferences',
      as: 'other',
      body: { digest: 'hourly' },
      status: 400,
    }),
    () => ({
      op: 'POST /api/v1/notifications/{id}/read',
      as: 'other',
      path: { id: vars.notificationId },
      status: 204,
    }),
    () => ({
      op: 'POST /api/v1/notifications/{id}/read',
      as: 'user',
      path: { id: vars.notificationId },
      status: 404,
    }),
    () => ({ op: 'POST /api/v1/notifications/read-all', as: 'other', status: 200 }),
    () => ({
      op: 'DELETE /api/v1/notifications/{id}',
      as: 'other',
      path: { id: vars.notificationId },
      status: 204,
    }),
    () => ({
      op: 'DELETE /api/v1/notifications/{id}',
      as: 'other',
      path: { id: vars.notificationId },
      status: 404,
    }),
    () => ({
      op: 'POST /api/v1/notifications/unsubscribe',
      as: 'anonymous',
      query: `token=${t.app.get(UnsubscribeLinks).token(other.id, 'comment.reply')}`,
      body: { 'List-Unsubscribe': 'One-Click' },
      status: 200,
    }),
    () => ({
      op: 'POST /api/v1/notifications/unsubscribe',
      as: 'anonymous',
      query: 'token=forged.token',
      body: { 'List-Unsubscribe': 'One-Click' },
      status: 400,
    }),

    // security analytics (admin)
    () => ({ op: 'GET /api/v1/admin/security/analytics/overview', as: 'admin', status: 200 }),
    () => ({
      op: 'GET /api/v1/admin/security/analytics/overview',
      as: 'admin',
      query: 'from=yesterday',
      status: 400,
    }),
    () => ({
      op: 'GET /api/v1/admin/security/analytics/geo',
      as: 'admin',
      query: 'granularity=city',
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/admin/security/analytics/geo',
      as: 'admin',
      query: 'granularity=street',
      status: 400,
    }),
    () => ({
      op: 'GET /api/v1/admin/security/analytics/timeseries',
      as: 'admin',
      query: 'bucket=day',
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/admin/security/analytics/timeseries',
      as: 'user',
      status: 403,
    }),
    () => ({ op: 'GET /api/v1/admin/security/suspicious-ips', as: 'admin', status: 200 }),
    () => ({
      op: 'GET /api/v1/admin/security/suspicious-ips',
      as: 'admin',
      query: 'limit=0',
      status: 400,
    }),
    () => ({
      op: 'GET /api/v1/admin/security/ips/{ip}',
      as: 'admin',
      path: { ip: '203.0.113.7' },
      status: 200,
    }),
    () => ({
      op: 'GET /api/v1/admin/security/ips/{ip}',
      as: 'admin',
      path: { ip: 'not-an-address' },
      status: 400,
    }),
    () => ({ op: 'GET /api/v1/admin/security/blocks', as: 'admin', status: 200 }),
    () => ({ op: 'GET /api/v1/admin/security/blocks', as: 'user', status: 403 }),
    () => ({
      op: 'POST /api/v1/admin/security/blocks',
      as: 'admin',
      body: { cidr: '198.51.100.0/24', reason: 'Contract test' },
      status: 201,
      after: (b) => {
        vars.blockId = (b as { id: string }).id;
      },
    }),
    () => ({
      op: 'POST /api/v1/admin/security/blocks',
      as: 'admin',
      body: { cidr: 'not a network', reason: 'Contract test' },
      status: 400,
    }),
    () => ({
      op: 'DELETE /api/v1/admin/security/blocks/{id}',
      as: 'admin',
      path: { id: vars.blockId },
      status: 204,
    }),
    () => ({
      op: 'DELETE /api/v1/admin/security/blocks/{id}',
      as: 'admin',
      path: { id: randomUUID() },
      status: 404,
    }),

    // last: the account goes
    () => ({
      op: 'DELETE /api/v1/users/me',
      as: 'anonymous',
      headers: bearer(spare(3).accessToken),
      body: { password: 'wrong password here' },
      status: 400,
    }),
    () => ({
      op: 'DELETE /api/v1/users/me',
      as: 'anonymous',
      headers: bearer(spare(3).accessToken),
      body: { password: spare(3).password },
      status: 204,
    }),
    () => ({
      op: 'DELETE /api/v1/users/{username}/follow',
      as: 'user',
      path: { username: other.username },
      status: 200,
    }),
  ];
}
