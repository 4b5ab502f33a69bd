import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ArticleEvent,
  ArticlesService,
  CommentCreatedEvent,
  CommentsService,
  ContentEvents,
  ReactionChangedEvent,
  ReactionsService,
} from '@nexus/content';
import type { DomainEventMeta } from '@nexus/core';
import { IpBlockedEvent, IpFlaggedEvent, SecurityEvents } from '@nexus/security-analytics';
import {
  RefreshTokenReuseDetectedEvent,
  UserDeletedEvent,
  UserDirectory,
  UserFollowedEvent,
  UserLoggedInEvent,
  UserPasswordChangedEvent,
  USERS_EVENTS,
} from '@nexus/users';
import { FanoutService } from '../fanout/fanout.service';
import { NewNotification } from '../notification.types';
import { NotificationsService } from '../notifications/notifications.service';
import { LoginCountryNotices } from './login-country-notices';

/** Likes at which an author hears about an article (not one notification per like). */
export const MILESTONES = [1, 10, 100] as const;

/** The highest milestone `likes` has reached, if any. */
export function milestoneOf(likes: number): number | undefined {
  return [...MILESTONES].reverse().find((m) => likes >= m);
}

const articlePath = (slug: string) => `/api/v1/articles/${slug}`;

/**
 * The triggers: each listener turns one domain event into notifications. Every row is keyed by
 * (recipient, event id) — or by (recipient, article, milestone) — so an event delivered twice
 * writes and mails nothing the second time.
 */
@Injectable()
export class NotificationTriggers {
  private readonly logger = new Logger(NotificationTriggers.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly directory: UserDirectory,
    private readonly articles: ArticlesService,
    private readonly comments: CommentsService,
    private readonly reactions: ReactionsService,
    private readonly fanout: FanoutService,
    private readonly loginCountries: LoginCountryNotices,
  ) {}

  @OnEvent(USERS_EVENTS.followed)
  async onFollowed(e: UserFollowedEvent, meta: DomainEventMeta): Promise<void> {
    const actorName = await this.nameOf(e.followerId);
    await this.notifications.deliver([
      {
        recipientId: e.followeeId,
        type: 'follower.new',
        actorId: e.followerId,
        subjectType: 'user',
        subjectId: e.followerId,
        data: { actorName },
        sourceEventId: meta.eventId,
        dedupKey: meta.eventId,
      },
    ]);
  }

  @OnEvent(ContentEvents.commentCreated)
  async onComment(e: CommentCreatedEvent, meta: DomainEventMeta): Promise<void> {
    const article = await this.articles.recordById(e.articleId);
    if (!article) return;
    const articleAuthorId = e.articleAuthorId ?? article.authorId;
    const parentAuthorId = e.parentId ? await this.comments.authorOf(e.parentId) : undefined;
    const base = {
      actorId: e.authorId,
      subjectType: 'comment' as const,
      subjectId: e.commentId,
      data: {
        actorName: await this.nameOf(e.authorId),
        articleTitle: article.title,
        articleSlug: article.slug,
        path: articlePath(article.slug),
      },
      sourceEventId: meta.eventId,
      dedupKey: meta.eventId,
    };
    const rows: NewNotification[] = [];
    // A reply to the article author's own comment is one notification: the reply.
    if (parentAuthorId && parentAuthorId !== e.authorId)
      rows.push({ ...base, recipientId: parentAuthorId, type: 'comment.reply' });
    if (articleAuthorId !== e.authorId && articleAuthorId !== parentAuthorId)
      rows.push({ ...base, recipientId: articleAuthorId, type: 'comment.on_article' });
    await this.notifications.deliver(rows);
  }

  @OnEvent(ContentEvents.reactionChanged)
  async onReaction(e: ReactionChangedEvent, meta: DomainEventMeta): Promise<void> {
    if (!e.liked) return;
    const milestone = milestoneOf(await this.reactions.likesCount(e.articleId));
    if (!milestone) return;
    const article = await this.articles.recordById(e.articleId);
    if (!article) return;
    await this.notifications.deliver([
      {
        recipientId: article.authorId,
        type: 'reaction.milestone',
        actorId: null,
        subjectType: 'article',
        subjectId: article.id,
        data: {
          milestone,
          articleTitle: article.title,
          articleSlug: article.slug,
          path: articlePath(article.slug),
        },
        sourceEventId: meta.eventId,
        // Once per article and milestone, however likes come and go.
        dedupKey: `milestone:${article.id}:${milestone}`,
      },
    ]);
  }

  @OnEvent(ContentEvents.articlePublished)
  async onPublished(e: ArticleEvent, meta: DomainEventMeta): Promise<void> {
    const article = await this.articles.recordById(e.articleId);
    if (!article) return;
    await this.fanout.start(meta.eventId, e.authorId, e.articleId, {
      actorName: await this.nameOf(e.authorId),
      articleTitle: article.title,
      articleSlug: article.slug,
      path: articlePath(article.slug),
    });
  }

  @OnEvent(USERS_EVENTS.loggedIn)
  async onLogin(e: UserLoggedInEvent, meta: DomainEventMeta): Promise<void> {
    const job = { userId: e.userId, ip: e.ip, country: e.country, eventId: meta.eventId };
    // Known country: compare now. Otherwise locating the address loads the geo database: a job
    // where workers run, not this process (the api in full mode).
    if (e.country) await this.loginCountries.check(job);
    else await this.loginCountries.locateLater(job);
  }

  @OnEvent(USERS_EVENTS.passwordChanged)
  async onPasswordChanged(e: UserPasswordChangedEvent, meta: DomainEventMeta): Promise<void> {
    if (e.via === 'admin-bootstrap') return;
    await this.notifications.deliver([
      this.security(e.userId, 'security.password_changed', { via: e.via }, meta),
    ]);
  }

  @OnEvent(USERS_EVENTS.refreshReuseDetected)
  async onReuse(e: RefreshTokenReuseDetectedEvent, meta: DomainEventMeta): Promise<void> {
    await this.notifications.deliver([
      this.security(e.userId, 'security.sessions_revoked', { ip: e.ip }, meta),
    ]);
  }

  @OnEvent(SecurityEvents.ipBlocked)
  async onIpBlocked(e: IpBlockedEvent, meta: DomainEventMeta): Promise<void> {
    const data = { cidr: e.cidr, reason: e.reason, source: e.source, blockId: e.blockId };
    await this.toAdmins('admin.ip_blocked', e.cidr, data, meta);
  }

  @OnEvent(SecurityEvents.ipFlagged)
  async onIpFlagged(e: IpFlaggedEvent, meta: DomainEventMeta): Promise<void> {
    const data = { ip: e.ip, rule: e.rule, reason: e.reason, score: e.score };
    await this.toAdmins('admin.ip_flagged', e.ip, data, meta);
  }

  @OnEvent(USERS_EVENTS.deleted)
  async onUserDeleted(e: UserDeletedEvent): Promise<void> {
    await this.notifications.deleteForUser(e.userId);
    await this.loginCountries.deleteForUser(e.userId);
  }

  private async toAdmins(
    type: 'admin.ip_blocked' | 'admin.ip_flagged',
    subject: string,
    data: Record<string, unknown>,
    meta: DomainEventMeta,
  ): Promise<void> {
    const admins = await this.directory.adminIds();
    await this.notifications.deliver(
      admins.map((recipientId) => ({
        recipientId,
        type,
        actorId: null,
        subjectType: 'ip' as const,
        subjectId: subject,
        data,
        sourceEventId: meta.eventId,
        dedupKey: meta.eventId,
      })),
    );
  }

  private security(
    userId: string,
    type: NewNotification['type'],
    data: Record<string, unknown>,
    meta: DomainEventMeta,
  ): NewNotification {
    return {
      recipientId: userId,
      type,
      actorId: null,
      subjectType: 'user',
      subjectId: userId,
      data,
      sourceEventId: meta.eventId,
      dedupKey: meta.eventId,
    };
  }

  private async nameOf(userId: string): Promise<string> {
    const contact = (await this.directory.contacts([userId])).get(userId);
    if (!contact) this.logger.debug(`user ${userId} is gone`);
    return contact?.displayName ?? 'Someone';
  }
}
