import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';
import { SummaryRow, toSummary } from '../articles/article-listing.repository';
import { ArticleSummary } from '../articles/article.types';
import { CommentRecord, CommentRow, toCommentRecord } from '../comments/comments.repository';

/**
 * The statements behind GraphQL's per-request DataLoaders: one statement for many parents (the
 * first comments of N articles, the newest articles of N authors), where REST reads one parent
 * per request. Each uses the index of its REST counterpart, per parent (LATERAL + LIMIT).
 */
@Injectable()
export class GraphqlBatchesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The first `perArticle` top-level comments (oldest first) of each article. */
  async firstComments(articleIds: string[], perArticle: number): Promise<CommentRecord[]> {
    if (articleIds.length === 0) return [];
    const rows = returnedRows<CommentRow>(
      await this.db.query(
        `SELECT c.id, c.article_id, c.author_id, c.parent_id, c.body, c.created_at
           FROM unnest($1::uuid[]) AS p(article_id)
           CROSS JOIN LATERAL (
             SELECT * FROM comments c
              WHERE c.article_id = p.article_id AND c.parent_id IS NULL
              ORDER BY c.created_at, c.id LIMIT ${rowLimit(perArticle)}
           ) c`,
        [articleIds],
      ),
    );
    return rows.map(toCommentRecord);
  }

  /** The newest `perAuthor` published articles of each author, with the author card. */
  async latestByAuthors(authorIds: string[], perAuthor: number): Promise<ArticleSummary[]> {
    if (authorIds.length === 0) return [];
    const rows = returnedRows<SummaryRow>(
      await this.db.query(
        `SELECT a.*, u.username AS author_username, u.display_name AS author_display_name,
                u.avatar_url AS author_avatar_url
           FROM unnest($1::uuid[]) AS p(author_id)
           CROSS JOIN LATERAL (
             SELECT a.id, a.author_id, a.slug, a.title, a.excerpt, a.cover_url, a.reading_minutes,
                    a.likes_count, a.comments_count, a.published_at, a.tag_names
               FROM articles a
              WHERE a.author_id = p.author_id AND a.status = 'published'
              ORDER BY a.published_at DESC, a.id DESC LIMIT ${rowLimit(perAuthor)}
           ) a
           JOIN author_cards u ON u.id = a.author_id`,
        [authorIds],
      ),
    );
    return rows.map(toSummary);
  }
}

/** Page sizes are validated integers; written into the text like the listings' limits. */
function rowLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`invalid row limit ${n}`);
  return n;
}
