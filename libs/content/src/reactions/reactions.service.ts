import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@nexus/users';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../articles/articles.service';
import { notPublished } from '../comments/comments.service';
import { ContentEvents, ReactionChangedEvent } from '../content.events';
import { affectedRows } from '../shared/sql';

export interface ReactionState {
  articleId: string;
  liked: boolean;
  likesCount: number;
}

/** Likes: one per user and article; PUT and DELETE are idempotent. */
@Injectable()
export class ReactionsService {
  private readonly logger = new Logger(ReactionsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly articles: ArticlesService,
    private readonly events: EventEmitter2,
  ) {}

  async like(user: AuthUser, articleId: string): Promise<ReactionState> {
    return this.change(user, articleId, true);
  }

  async unlike(user: AuthUser, articleId: string): Promise<ReactionState> {
    return this.change(user, articleId, false);
  }

  private async change(user: AuthUser, articleId: string, liked: boolean): Promise<ReactionState> {
    const article = await this.articles.getVisibleRecord(articleId, user);
    if (article.status !== 'published') throw notPublished();
    const { changed, likesCount, published } = await this.db.transaction(async (em) => {
      // Lock the article row the way the counter trigger will (NO KEY UPDATE) before touching
      // reactions: a concurrent unpublish cannot slip in, and two likes of one article queue
      // here instead of deadlocking (a FOR NO KEY UPDATE lock would be upgraded by the trigger while
      // the other transaction waits on the unique key).
      const current: { status: string }[] = await em.query(
        `SELECT status FROM articles WHERE id = $1 FOR NO KEY UPDATE`,
        [articleId],
      );
      if (current[0]?.status !== 'published')
        return { changed: false, likesCount: 0, published: false };
      const rows: unknown[] = liked
        ? await em.query(
            `INSERT INTO reactions (article_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING article_id`,
            [articleId, user.id],
          )
        : await em.query(
            `DELETE FROM reactions WHERE article_id = $1 AND user_id = $2 RETURNING article_id`,
            [articleId, user.id],
          );
      const count: { likes_count: number }[] = await em.query(
        `SELECT likes_count FROM articles WHERE id = $1`,
        [articleId],
      );
      return {
        changed: affectedRows(rows) > 0,
        likesCount: Number(count[0].likes_count),
        published: true,
      };
    });
    if (!published) throw notPublished();
    if (changed) {
      try {
        await this.events.emitAsync(
          ContentEvents.reactionChanged,
          new ReactionChangedEvent(articleId, user.id, liked),
        );
      } catch (e) {
        this.logger.error(
          `A listener of ${ContentEvents.reactionChanged} failed: ${(e as Error).message}`,
        );
      }
    }
    return { articleId, liked, likesCount };
  }
}
