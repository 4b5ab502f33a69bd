import { Injectable } from '@nestjs/common';
import { DomainEvents, KeysetCursors, PageQueryDto, ProblemException } from '@nexus/core';
import type { AuthUser } from '@nexus/users';
import { ArticlesService } from '../articles/articles.service';
import { isPrivileged, Viewer } from '../articles/article.types';
import { AuthorCard, AuthorCardsService } from '../authors/author-cards.service';
import { CommentCreatedEvent, CommentDeletedEvent, ContentEvents } from '../content.events';
import { CommentRecord, CommentsRepository } from './comments.repository';
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

/** Cursor scope of comment-thread pages. */
export const THREAD_SCOPE = 'content:comments:thread';

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
  constructor(
    private readonly comments: CommentsRepository,
    private readonly articles: ArticlesService,
    private readonly authors: AuthorCardsService,
    private readonly events: DomainEvents,
    private readonly cursors: KeysetCursors,
  ) {}

  /** Who wrote a comment (notifications' reply trigger); undefined when it is gone. */
  async authorOf(commentId: string): Promise<string | undefined> {
    return (await this.comments.findWithArticle(commentId))?.authorId;
  }

  /** Top-level comments, oldest first (keyset), each with its first replies. */
  async list(
    articleId: string,
    viewer: Viewer,
    q: PageQueryDto,
  ): Promise<{ items: CommentView[]; nextCursor: string | null }> {
    await this.articles.getVisibleRecord(articleId, viewer);
    const limit = q.limit ?? 20;
    const after = this.cursors.decode(THREAD_SCOPE, q.cursor);
    const rows = await this.comments.threads(articleId, limit + 1, after);
    const { items: threads, nextCursor } = this.cursors.page(THREAD_SCOPE, rows, limit, (t) => ({
      at: t.createdAt,
      id: t.id,
    }));
    const replies = await this.comments.firstReplies(
      threads.map((t) => t.id),
      REPLIES_PER_THREAD,
    );
    const cards = await this.authors.cards([...threads, ...replies].map((r) => r.authorId));
    const items = threads.map((t) => ({
      ...toView(t, cards),
      replyCount: t.replyCount ?? 0,
      replies: replies.filter((r) => r.parentId === t.id).map((r) => toView(r, cards)),
    }));
    return { items, nextCursor };
  }

  async create(user: AuthUser, articleId: string, input: CreateCommentDto): Promise<CommentView> {
    const article = await this.articles.getVisibleRecord(articleId, user);
    if (article.status !== 'published') throw notPublished();
    let parentAuthorId: string | null = null;
    if (input.parentId) {
      const parent = await this.comments.parentOf(input.parentId, articleId);
      if (!parent) {
        throw new ProblemException({
          status: 404,
          type: 'comment-not-found',
          title: 'Parent comment not found',
          detail: 'parentId must be a comment of this article.',
        });
      }
      if (parent.parentId) {
        throw new ProblemException({
          status: 400,
          type: 'reply-depth',
          title: 'Replies are one level deep',
          detail: 'Reply to the top-level comment instead.',
          errors: [{ field: 'parentId', messages: ['parentId must be a top-level comment'] }],
        });
      }
      parentAuthorId = parent.authorId;
    }
    // The article may be unpublished or deleted between the check and the insert: the insert
    // re-checks in the same statement, so no comment lands on an article readers cannot see.
    // Durable (outbox): the article's author (and the parent's) are notified of every comment.
    const comment = await this.events.transaction(async (em) => {
      const inserted = await this.comments.insertIfPublished(
        { articleId, authorId: user.id, parentId: input.parentId ?? null, body: input.body },
        em,
      );
      if (!inserted) return undefined;
      await this.events.emitInTransaction(
        em,
        ContentEvents.commentCreated,
        new CommentCreatedEvent(
          inserted.id,
          articleId,
          user.id,
          article.authorId,
          input.parentId ?? null,
          parentAuthorId,
        ),
        { aggregateId: articleId },
      );
      return inserted;
    });
    if (!comment) throw notPublished();
    const cards = await this.authors.cards([user.id]);
    return toView(comment, cards);
  }

  /** Deletes a comment (and its replies): its author, the article's author, or a moderator. */
  async remove(user: AuthUser, commentId: string): Promise<void> {
    const c = await this.comments.findWithArticle(commentId);
    const canSeeArticle =
      c && (c.articleStatus === 'published' || c.articleAuthorId === user.id || isPrivileged(user));
    if (!c || !canSeeArticle) {
      throw new ProblemException({
        status: 404,
        type: 'comment-not-found',
        title: 'Comment not found',
      });
    }
    if (c.authorId !== user.id && c.articleAuthorId !== user.id && !isPrivileged(user)) {
      throw new ProblemException({
        status: 403,
        type: 'not-comment-owner',
        title: 'Not your comment',
        detail: 'Only its author, the article author or a moderator may delete a comment.',
      });
    }
    const removed = await this.comments.deleteWithReplies(commentId);
    if (removed) {
      await this.events.emit(
        ContentEvents.commentDeleted,
        new CommentDeletedEvent(commentId, c.articleId, removed),
      );
    }
  }
}

function toView(r: CommentRecord, cards: Map<string, AuthorCard>): CommentView {
  return {
    id: r.id,
    articleId: r.articleId,
    parentId: r.parentId,
    body: r.body,
    createdAt: r.createdAt,
    author: cards.get(r.authorId)!,
  };
}
