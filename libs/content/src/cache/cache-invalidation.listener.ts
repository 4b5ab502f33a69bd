import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ArticlesRepository } from '../articles/articles.repository';
import { ArticlesService } from '../articles/articles.service';
import {
  ArticleDeletedEvent,
  ArticleEvent,
  CommentCreatedEvent,
  CommentDeletedEvent,
  ContentEvents,
  ReactionChangedEvent,
} from '../content.events';
import { ContentCache, ContentNs, Scope } from './content-cache';

/**
 * Cache invalidation hung off domain events (the `post_save`/`post_delete` signal pattern).
 * Each handler replaces the generation tokens of exactly the scopes the change affects; in full
 * mode the tokens live in Redis, so every api instance stops using the old entries at once.
 * Emitters await `DomainEvents.emit`, so a write's response is sent after its invalidation is done.
 */
@Injectable()
export class CacheInvalidationListener {
  constructor(
    private readonly cache: ContentCache,
    private readonly articles: ArticlesService,
    private readonly articleRows: ArticlesRepository,
  ) {}

  /** A new draft: only its slug (which may have been cached as "not found"). */
  @OnEvent(ContentEvents.articleCreated)
  async onCreated(e: ArticleEvent): Promise<void> {
    await this.cache.bump(Scope.article(e.slug));
  }

  /** Listings only change when the article is (or was) visible in them. */
  @OnEvent(ContentEvents.articleUpdated)
  async onUpdated(e: ArticleEvent): Promise<void> {
    await this.cache.bump(Scope.article(e.slug), ...(e.status === 'published' ? [Scope.list] : []));
  }

  @OnEvent(ContentEvents.articlePublished)
  @OnEvent(ContentEvents.articleUnpublished)
  async onVisibilityChanged(e: ArticleEvent): Promise<void> {
    await this.cache.bump(Scope.article(e.slug), Scope.list);
  }

  @OnEvent(ContentEvents.articleDeleted)
  async onDeleted(e: ArticleDeletedEvent): Promise<void> {
    await this.cache.bump(Scope.article(e.slug), ...(e.wasPublished ? [Scope.list] : []));
    await this.cache.cache.del(ContentNs.articleSlug, e.articleId);
  }

  /** Counts changed: the article itself, and the counts shown in listings and trending. */
  @OnEvent(ContentEvents.commentCreated)
  @OnEvent(ContentEvents.commentDeleted)
  @OnEvent(ContentEvents.reactionChanged)
  async onActivity(
    e: CommentCreatedEvent | CommentDeletedEvent | ReactionChangedEvent,
  ): Promise<void> {
    const slug = await this.articles.slugOf(e.articleId);
    await this.cache.bump(Scope.counts, ...(slug ? [Scope.article(slug)] : []));
  }

  /** A profile change: the author card, every article view embedding it, and listings. */
  @OnEvent('users.user.updated')
  async onUserUpdated(e: { userId: string }): Promise<void> {
    const slugs = await this.articleRows.slugsByAuthor(e.userId);
    await this.cache.bump(Scope.author(e.userId), Scope.list, ...slugs.map(Scope.article));
  }

  /**
   * An account deletion removes its articles, comments and likes by cascade, which no content
   * event reports: everything cached is dropped (rare enough to be worth the simplicity).
   */
  @OnEvent('users.user.deleted')
  async onUserDeleted(e: { userId: string }): Promise<void> {
    await this.cache.bump(Scope.author(e.userId), Scope.epoch);
  }

  /** Rows written behind the services' back: every cached view and listing is out of date. */
  @OnEvent(ContentEvents.bulkImported)
  async onBulkImported(): Promise<void> {
    await this.cache.bump(Scope.epoch);
  }
}
