import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@nexus/core';
import type { AuthUser } from '@nexus/users';
import { ArticlesRepository } from '../articles/articles.repository';
import { ArticlesService } from '../articles/articles.service';
import { notPublished } from '../comments/comments.service';
import { ContentEvents, ReactionChangedEvent } from '../content.events';
import { ReactionsRepository } from './reactions.repository';

export interface ReactionState {
  articleId: string;
  liked: boolean;
  likesCount: number;
}

/** Likes: one per user and article; PUT and DELETE are idempotent. */
@Injectable()
export class ReactionsService {
  constructor(
    private readonly reactions: ReactionsRepository,
    private readonly articleRows: ArticlesRepository,
    private readonly articles: ArticlesService,
    private readonly events: DomainEvents,
  ) {}

  /** The article's current like count, read from the row, uncached (notifications' milestones). */
  likesCount(articleId: string): Promise<number> {
    return this.articleRows.likesCount(articleId);
  }

  async like(user: AuthUser, articleId: string): Promise<ReactionState> {
    return this.change(user, articleId, true);
  }

  async unlike(user: AuthUser, articleId: string): Promise<ReactionState> {
    return this.change(user, articleId, false);
  }

  private async change(user: AuthUser, articleId: string, liked: boolean): Promise<ReactionState> {
    const article = await this.articles.getVisibleRecord(articleId, user);
    if (article.status !== 'published') throw notPublished();
    // Durable (outbox): reaction milestones are notified from this event.
    const { likesCount, published } = await this.events.transaction(async (em) => {
      // Lock the article row the way the counter trigger will before touching reactions: a
      // concurrent unpublish cannot slip in, and two likes of one article queue here instead of
      // deadlocking (the trigger would upgrade a weaker lock while the other transaction waits
      // on the unique key).
      const status = await this.articleRows.lockStatusForCounters(articleId, em);
      if (status !== 'published') return { changed: false, likesCount: 0, published: false };
      const changed = liked
        ? await this.reactions.add(articleId, user.id, em)
        : await this.reactions.remove(articleId, user.id, em);
      const count = await this.articleRows.likesCount(articleId, em);
      if (changed) {
        await this.events.emitInTransaction(
          em,
          ContentEvents.reactionChanged,
          new ReactionChangedEvent(articleId, user.id, liked, article.authorId, count),
          { aggregateId: articleId },
        );
      }
      return { likesCount: count, published: true };
    });
    if (!published) throw notPublished();
    return { articleId, liked, likesCount };
  }
}
