import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@nexus/core';
import type { AuthUser } from '@nexus/users';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../articles/articles.service';
import { isPrivileged, toIso, Viewer } from '../articles/article.types';
import { PageQueryDto } from '../articles/dto/article-query.dto';
import { AuthorCard, AuthorCardsService } from '../authors/author-cards.service';
import { CommentCreatedEvent, CommentDeletedEvent, ContentEvents } from '../content.events';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { affectedRows } from '../shared/sql';
import { CreateCommentDto } from './dto/comment.dto';

export interface CommentView {
  id: string;
  articleId: string;
  parentId: string | null;
  body: string;
  createdAt: string;
  author: AuthorCard;
  /** Top-level comments only: the first replies (oldest first) and how many there are. */
  replies?: CommentView[];
  replyCount?: number;
}

interface CommentRow {
  id: string;
  article_id: string;
  author_id: string;
  parent_id: string | null;
  body: string;
  created_at: Date | string;
  reply_count?: number | string;
}

/** Replies shown under each top-level comment of a page. */
export const REPLIES_PER_THREAD = 50;

export const notPublished = (): ProblemException =>
  new ProblemException({
    status: 409,
    type: 'article-not-published',
    title: 'Article not published',
    detail: 'Comments and reactions are open once the article is published.',
  });

/** Comments with one level of replies; the article's counter is kept by a database trigger. */
@Injectable()
export class CommentsService {
  private readonly logger = new Logger(CommentsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly articles: ArticlesService,
    private readonly authors: AuthorCardsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Top-level comments, oldest first (keyset), each with its first replies. */
  async list(
    articleId: string,
    viewer: Viewer,
    q: PageQueryDto,
  ): Promise<{ items: CommentView[]; nextCursor: string | null }> {
    await this.articles.getVisibleRecord(articleId, viewer);
    const limit = q.limit ?? 20;
    const cursor = q.cursor ? decodeCursor(q.cursor, 'thread') : undefined;
    const params: unknown[] = [articleId, limit + 1];
    let after = '';
    if (cursor) {
      params.push(cursor.at, cursor.id);
      after = `AND (c.created_at, c.id) > ($3::timestamptz, $4::uuid)`;
    }
    const rows: CommentRow[] = await this.db.query(
      `SELECT c.id, c.article_id, c.author_id, c.parent_id, c.body, c.created_at,
              (SELECT count(*) FROM comments r WHERE r.parent_id = c.id) AS reply_count
         FROM comments c
        WHERE c.article_id = $1 AND c.parent_id IS NULL ${after}
        ORDER BY c.created_at, c.id LIMIT $2`,
      params,
    );
    const more = rows.length > limit;
    const threads = more ? rows.slice(0, limit) : rows;
    const replies: CommentRow[] = threads.length
      ? await this.db.query(
          `SELECT id, article_id, author_id, parent_id, body, created_at FROM (
             SELECT c.*, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS n
               FROM comments c WHERE c.parent_id = ANY($1::uuid[])
           ) x WHERE n <= $2 ORDER BY created_at, id`,
          [threads.map((t) => t.id), REPLIES_PER_THREAD],
        )
      : [];
    const cards = await this.authors.cards([...threads, ...replies].map((r) => r.author_id));
    const items = threads.map((t) => ({
      ...toView(t, cards),
      replyCount: Number(t.reply_count ?? 0),
      replies: replies.filter((r) => r.parent_id === t.id).map((r) => toView(r, cards)),
    }));
    const last = threads[threads.length - 1];
    return {
      items,
      nextCursor:
        more && last
          ? encodeCursor({ sort: 'thread', at: toIso(last.created_at), id: last.id })
          : null,
    };
  }

  async create(user: AuthUser, articleId: string, input: CreateCommentDto): Promise<CommentView> {
    const article = await this.articles.getVisibleRecord(articleId, user);
    if (article.status !== 'published') throw notPublished();
    if (input.parentId) {
      const parent: { parent_id: string | null }[] = await this.db.query(
        `SELECT parent_id FROM comments WHERE id = $1 AND article_id = $2`,
        [input.parentId, articleId],
      );
      if (!parent[0]) {
        throw new ProblemException({
          status: 404,
          type: 'comment-not-found',
          title: 'Parent comment not found',
          detail: 'parentId must be a comment of this article.',
        });
      }
      if (parent[0].parent_id) {
        throw new ProblemException({
          status: 400,
          type: 'reply-depth',
          title: 'Replies are one level deep',
          detail: 'Reply to the top-level comment instead.',
          errors: [{ field: 'parentId', messages: ['parentId must be a top-level comment'] }],
        });
      }
    }
    // The article may be unpublished or deleted between the check and the insert: the insert
    // re-checks in the same statement, so no comment lands on an article readers cannot see.
    const rows: CommentRow[] = await this.db.query(
      `INSERT INTO comments (article_id, author_id, parent_id, body)
       SELECT a.id, $2, $3, $4 FROM articles a WHERE a.id = $1 AND a.status = 'published'
       RETURNING id, article_id, author_id, parent_id, body, created_at`,
      [articleId, user.id, input.parentId ?? null, input.body],
    );
    if (!rows[0]) throw notPublished();
    const cards = await this.authors.cards([user.id]);
    await this.emit(
      ContentEvents.commentCreated,
      new CommentCreatedEvent(
        rows[0].id,
        articleId,
        user.id,
        article.authorId,
        input.parentId ?? null,
      ),
    );
    return toView(rows[0], cards);
  }

  /** Deletes a comment (and its replies): its author, the article's author, or a moderator. */
  async remove(user: AuthUser, commentId: string): Promise<void> {
    const rows: (CommentRow & { article_author_id: string; status: string })[] =
      await this.db.query(
        `SELECT c.id, c.article_id, c.author_id, a.author_id AS article_author_id, a.status
         FROM comments c JOIN articles a ON a.id = c.article_id WHERE c.id = $1`,
        [commentId],
      );
    const c = rows[0];
    const canSeeArticle =
      c && (c.status === 'published' || c.article_author_id === user.id || isPrivileged(user));
    if (!c || !canSeeArticle) {
      throw new ProblemException({
        status: 404,
        type: 'comment-not-found',
        title: 'Comment not found',
      });
    }
    if (c.author_id !== user.id && c.article_author_id !== user.id && !isPrivileged(user)) {
      throw new ProblemException({
        status: 403,
        type: 'not-comment-owner',
        title: 'Not your comment',
        detail: 'Only its author, the article author or a moderator may delete a comment.',
      });
    }
    const removed = affectedRows(
      await this.db.query(`DELETE FROM comments WHERE id = $1 OR parent_id = $1`, [commentId]),
    );
    if (removed) {
      await this.emit(
        ContentEvents.commentDeleted,
        new CommentDeletedEvent(commentId, c.article_id, removed),
      );
    }
  }

  private async emit(name: string, payload: object): Promise<void> {
    try {
      await this.events.emitAsync(name, payload);
    } catch (e) {
      this.logger.error(`A listener of ${name} failed: ${(e as Error).message}`);
    }
  }
}

function toView(r: CommentRow, cards: Map<string, AuthorCard>): CommentView {
  return {
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    body: r.body,
    createdAt: toIso(r.created_at),
    author: cards.get(r.author_id)!,
  };
}
