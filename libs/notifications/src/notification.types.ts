/** Every kind of notification, with where it may go and what is on by default. */
export const NOTIFICATION_TYPES = [
  'follower.new',
  'comment.on_article',
  'comment.reply',
  'reaction.milestone',
  'article.published',
  'security.new_country',
  'security.password_changed',
  'security.sessions_revoked',
  'admin.ip_blocked',
  'admin.ip_flagged',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const CHANNELS = ['in_app', 'email', 'digest'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

interface TypePolicy {
  /** Defaults per channel when the user has not chosen. */
  defaults: Record<Channel, boolean>;
  /** Channels the user may not change (account security): always as in `defaults`. */
  locked: Channel[];
}

const on = (email: boolean, digest = true): Record<Channel, boolean> => ({
  in_app: true,
  email,
  digest,
});

/**
 * Defaults: direct interactions mail at once; a followed author's new article and milestones only
 * reach the in-app list and digests (one mail per article to every follower would be spam);
 * security notices always reach the account and cannot be turned off.
 */
export const TYPE_POLICIES: Record<NotificationType, TypePolicy> = {
  'follower.new': { defaults: on(true), locked: [] },
  'comment.on_article': { defaults: on(true), locked: [] },
  'comment.reply': { defaults: on(true), locked: [] },
  'reaction.milestone': { defaults: on(false), locked: [] },
  'article.published': { defaults: on(false), locked: [] },
  'security.new_country': { defaults: on(true, false), locked: ['in_app', 'email'] },
  // users mails this notice itself (its own template): in-app only here, so never twice.
  'security.password_changed': { defaults: on(false, false), locked: ['in_app', 'email'] },
  'security.sessions_revoked': { defaults: on(true, false), locked: ['in_app', 'email'] },
  'admin.ip_blocked': { defaults: on(true, false), locked: [] },
  'admin.ip_flagged': { defaults: on(true, false), locked: [] },
};

export const isNotificationType = (v: unknown): v is NotificationType =>
  typeof v === 'string' && (NOTIFICATION_TYPES as readonly string[]).includes(v);

/** What creates a notification: one row per recipient, deduplicated on (recipient, dedupKey). */
export interface NewNotification {
  recipientId: string;
  type: NotificationType;
  actorId: string | null;
  subjectType: 'user' | 'article' | 'comment' | 'ip' | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  sourceEventId: string;
  dedupKey: string;
}

/** A notification as the API returns it. */
export interface NotificationView {
  id: string;
  /** Position in the recipient's stream (the SSE event id). */
  seq: number;
  type: NotificationType;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}
