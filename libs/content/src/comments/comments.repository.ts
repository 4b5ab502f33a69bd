import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount, KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { ArticleStatus, toIso } from '../articles/article.types';

/** A comment as stored; `replyCount` only on top-level comments of a thread page. */
export interface CommentRecord {
  id: string;
  articleId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  createdAt: string;
  replyCount?: number;
}

/** A comment with what deciding on its deletion needs to know of its article. */
export interface CommentWithArticle {
  id: string;
  articleId: string;
  authorId: string;
  articleAuthorId: string;
  articleStatus: ArticleStatus;
}

export interface CommentRow {
  id: string;
  article_id: string;
  author_id: string;
  parent_id: string | null;
  body: string;
  created_at: Date | string;
  reply_count?: number | string;
}

const COLUMNS = `id, article_id, author_id, parent_id, body, created_at`;

/** Statements on `comments` (the article's counter is kept by a database trigger). */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Top-level comments of an article, oldest first, after `after`, with their reply counts. */
  async threads(
    articleId: string,
    limit: number,
    after: KeysetPosition | undefined,
  ): Promise<CommentRecord[]> {
    const params: unknown[] = [articleId, limit];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = `AND (c.created_at, c.id) > ($3::timestamptz, $4::uuid)`;
    }
    const rows = returnedRows<CommentRow>(
      await this.db.query(
        `SELECT c.id, c.article_id, c.author_id, c.parent_id, c.body, c.created_at,
                (SELECT count(*) FROM comments r WHERE r.parent_id = c.id) AS reply_count
           FROM comments c
          WHERE c.article_id = $1 AND c.parent_id IS NULL ${keyset}
          ORDER BY c.created_at, c.id LIMIT $2`,
        params,
      ),
    );
    return rows.map(toCommentRecord);
  }

  /** The first `perThread` replies (oldest first) of each of the given comments. */
  async firstReplies(parentIds: string[], perThread: number): Promise<CommentRecord[]> {
    if (parentIds.length === 0) return [];
    const rows = returnedRows<CommentRow>(
      await this.db.query(
        `SELECT ${COLUMNS} FROM (
           SELECT c.*, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS n
             FROM comments c WHERE c.parent_id = ANY($1::uuid[])
         ) x WHERE n <= $2 ORDER BY created_at, id`,
        [parentIds, perThread],
      ),
    );
    return rows.map(toCommentRecord);
  }

  /** A comment of the article: its `parentId` (null for top level), or undefined when absent. */
  async parentOf(
    commentId: string,
    articleId: string,
  ): Promise<{ parentId: string | null; authorId: string } | undefined> {
    const rows = returnedRows<{ parent_id: string | null; author_id: string }>(
      await this.db.query(
        `SELECT parent_id, author_id FROM comments WHERE id = $1 AND article_id = $2`,
        [commentId, articleId],
      ),
    );
    return rows[0] && { parentId: rows[0].parent_id, authorId: rows[0].author_id };
  }

  /**
   * Inserts a comment if the article is published, checked in the same statement: the article
   * may be unpublished or deleted after the caller's check. `undefined` when it was not.
   */
  async insertIfPublished(
    c: {
      articleId: string;
      authorId: string;
      parentId: string | null;
      body: string;
    },
    em?: EntityManager,
  ): Promise<CommentRecord | undefined> {
    const rows = returnedRows<CommentRow>(
      await (em ?? this.db).query(
        `INSERT INTO comments (article_id, author_id, parent_id, body)
         SELECT a.id, $2, $3, $4 FROM articles a WHERE a.id = $1 AND a.status = 'published'
         RETURNING ${COLUMNS}`,
        [c.articleId, c.authorId, c.parentId, c.body],
      ),
    );
    return rows[0] && toCommentRecord(rows[0]);
  }

  async findWithArticle(commentId: string): Promise<CommentWithArticle | undefined> {
    const rows = returnedRows<{
      id: string;
      article_id: string;
      author_id: string;
      article_author_id: string;
      status: ArticleStatus;
    }>(
      await this.db.query(
        `SELECT c.id, c.article_id, c.author_id, a.author_id AS article_author_id, a.status
           FROM comments c JOIN articles a ON a.id = c.article_id WHERE c.id = $1`,
        [commentId],
      ),
    );
    const r = rows[0];
    return (
      r && {
        id: r.id,
        articleId: r.article_id,
        authorId: r.author_id,
        articleAuthorId: r.article_author_id,
        articleStatus: r.status,
      }
    );
  }

  /** Deletes a comment and its replies; how many rows went. */
  async deleteWithReplies(commentId: string): Promise<number> {
    return affectedCount(
      await this.db.query(`DELETE FROM comments WHERE id = $1 OR parent_id = $1`, [commentId]),
    );
  }
}

export function toCommentRecord(r: CommentRow): CommentRecord {
  const record: CommentRecord = {
    id: r.id,
    articleId: r.article_id,
    authorId: r.author_id,
    parentId: r.parent_id,
    body: r.body,
    createdAt: toIso(r.created_at),
  };
  if (r.reply_count !== undefined) record.replyCount = Number(r.reply_count);
  return record;
}
