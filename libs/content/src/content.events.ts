import type { ArticleStatus } from './articles/article.types';

/** Names of the domain events the content module emits (`<module>.<entity>.<verb>`). */
export const ContentEvents = {
  articleCreated: 'content.article.created',
  articleUpdated: 'content.article.updated',
  articlePublished: 'content.article.published',
  articleUnpublished: 'content.article.unpublished',
  articleDeleted: 'content.article.deleted',
  commentCreated: 'content.comment.created',
  commentDeleted: 'content.comment.deleted',
  reactionChanged: 'content.reaction.changed',
  bulkImported: 'content.bulk.imported',
} as const;

/** Payload of `content.article.created|updated|published|unpublished`. */
export class ArticleEvent {
  constructor(
    readonly articleId: string,
    readonly authorId: string,
    readonly slug: string,
    readonly status: ArticleStatus,
  ) {}
}

/** Payload of `content.article.deleted`. */
export class ArticleDeletedEvent extends ArticleEvent {
  constructor(
    articleId: string,
    authorId: string,
    slug: string,
    status: ArticleStatus,
    readonly wasPublished: boolean,
  ) {
    super(articleId, authorId, slug, status);
  }
}

/** Payload of `content.comment.created`. */
export class CommentCreatedEvent {
  constructor(
    readonly commentId: string,
    readonly articleId: string,
    readonly authorId: string,
    readonly articleAuthorId: string,
    readonly parentId: string | null,
    /** Author of the comment replied to (null for a top-level comment). */
    readonly parentAuthorId: string | null = null,
  ) {}
}

/** Payload of `content.comment.deleted` (replies removed with it are counted in `removed`). */
export class CommentDeletedEvent {
  constructor(
    readonly commentId: string,
    readonly articleId: string,
    readonly removed: number,
  ) {}
}

/** Payload of `content.reaction.changed`. */
export class ReactionChangedEvent {
  constructor(
    readonly articleId: string,
    readonly userId: string,
    readonly liked: boolean,
    readonly articleAuthorId: string | null = null,
    /** Likes of the article once this change committed (reaction milestones). */
    readonly likesCount: number | null = null,
  ) {}
}

declare module '@nexus/core/events/domain-events' {
  interface DomainEventMap {
    'content.article.created': ArticleEvent;
    'content.article.updated': ArticleEvent;
    'content.article.published': ArticleEvent;
    'content.article.unpublished': ArticleEvent;
    'content.article.deleted': ArticleDeletedEvent;
    'content.comment.created': CommentCreatedEvent;
    'content.comment.deleted': CommentDeletedEvent;
    'content.reaction.changed': ReactionChangedEvent;
    'content.bulk.imported': BulkImportEvent;
  }
}

/** Payload of `content.bulk.imported`: rows written by a tool, not the services (the demo lib's bulk generator). */
export class BulkImportEvent {
  constructor(readonly articles: number) {}
}
