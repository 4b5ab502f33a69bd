import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { isUuid } from '@nexus/core';
import { AuthStateCache } from '../auth/auth-state.cache';
import { UsersRepository } from './users.repository';

/** The shape of content's article events, as far as users needs it (no import of content). */
interface ArticleEventPayload {
  authorId?: unknown;
  wasPublished?: unknown;
}

/** Keeps `users.published_article_count` in step with content's article events. */
@Injectable()
export class ContentEventsListener {
  constructor(
    private readonly users: UsersRepository,
    private readonly cache: AuthStateCache,
  ) {}

  @OnEvent('content.article.published')
  async onPublished(event: ArticleEventPayload): Promise<void> {
    await this.adjust(event.authorId, +1);
  }

  @OnEvent('content.article.unpublished')
  async onUnpublished(event: ArticleEventPayload): Promise<void> {
    await this.adjust(event.authorId, -1);
  }

  @OnEvent('content.article.deleted')
  async onDeleted(event: ArticleEventPayload): Promise<void> {
    if (event.wasPublished === true) await this.adjust(event.authorId, -1);
  }

  private async adjust(authorId: unknown, delta: 1 | -1): Promise<void> {
    if (typeof authorId !== 'string' || !isUuid(authorId)) return;
    await this.users.adjustPublishedArticleCount(authorId, delta);
    await this.cache.evictUser(authorId);
  }
}
