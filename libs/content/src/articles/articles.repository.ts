import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { ArticleRecord, ArticleStatus, toIso } from './article.types';

/** A row of `articles` as read for a record (the generated `search` vector is never read). */
interface ArticleRow {
  id: string;
  author_id: string;
  slug: string;
  title: string;
  body: string;
  excerpt: string;
  cover_url: string | null;
  status: ArticleStatus;
  reading_minutes: number;
  likes_count: number;
  comments_count: number;
  published_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  tags: string[] | null;
}

const RECORD_COLUMNS = `a.id, a.author_id, a.slug, a.title, a.body, a.excerpt, a.cover_url, a.status,
  a.reading_minutes, a.likes_count, a.comments_count, a.published_at, a.created_at, a.updated_at,
  a.tag_names AS tags`;

export interface NewArticle {
  authorId: string;
  slug: string;
  title: string;
  body: string;
  excerpt: string;
  coverUrl: string | null;
  readingMinutes: number;
}

/** Columns an update may set; `undefined` leaves a column as it is. */
export interface ArticleChanges {
  title?: string;
  body?: string;
  readingMinutes?: number;
  excerpt?: string;
  coverUrl?: string | null;
}

const CHANGE_COLUMNS: Record<keyof ArticleChanges, string> = {
  title: 'title',
  body: 'body',
  readingMinutes: 'reading_minutes',
  excerpt: 'excerpt',
  coverUrl: 'cover_url',
};

/**
 * Statements on `articles` and `article_tags`. Methods that take `em` run inside the caller's
 * transaction (in embedded mode only `em` may be used there, see docs/core.md).
 */
@Injectable()
export class ArticlesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findBySlug(slug: string): Promise<ArticleRecord | undefined> {
    const rows = returnedRows<ArticleRow>(
      await this.db.query(`SELECT ${RECORD_COLUMNS} FROM articles a WHERE a.slug = $1`, [slug]),
    );
    return rows[0] && toRecord(rows[0]);
  }

  async findById(id: string, em: EntityManager = this.db.manager): Promise<ArticleRecord> {
    const rows = returnedRows<ArticleRow>(
      await em.query(`SELECT ${RECORD_COLUMNS} FROM articles a WHERE a.id = $1`, [id]),
    );
    return toRecord(rows[0]);
  }

  /** The article, locked against concurrent changes until the transaction ends. */
  async lockById(id: string, em: EntityManager): Promise<ArticleRecord | undefined> {
    const rows = returnedRows<ArticleRow>(
      await em.query(`SELECT ${RECORD_COLUMNS} FROM articles a WHERE a.id = $1 FOR UPDATE OF a`, [
        id,
      ]),
    );
    return rows[0] && toRecord(rows[0]);
  }

  /**
   * The article's status, locked the way the counter triggers lock it (NO KEY UPDATE), so writes
   * to its comments or reactions queue here instead of deadlocking on the lock upgrade.
   */
  async lockStatusForCounters(id: string, em: EntityManager): Promise<ArticleStatus | undefined> {
    const rows = returnedRows<{ status: ArticleStatus }>(
      await em.query(`SELECT status FROM articles WHERE id = $1 FOR NO KEY UPDATE`, [id]),
    );
    return rows[0]?.status;
  }

  async likesCount(id: string, em: EntityManager = this.db.manager): Promise<number> {
    const rows = returnedRows<{ likes_count: number }>(
      await em.query(`SELECT likes_count FROM articles WHERE id = $1`, [id]),
    );
    return Number(rows[0]?.likes_count ?? 0);
  }

  async slugOf(id: string): Promise<string | undefined> {
    const rows = returnedRows<{ slug: string }>(
      await this.db.query(`SELECT slug FROM articles WHERE id = $1`, [id]),
    );
    return rows[0]?.slug;
  }

  async slugsByAuthor(authorId: string): Promise<string[]> {
    const rows = returnedRows<{ slug: string }>(
      await this.db.query(`SELECT slug FROM articles WHERE author_id = $1`, [authorId]),
    );
    return rows.map((r) => r.slug);
  }

  /** Inserts a draft; `undefined` when the slug is taken (the caller picks another). */
  async insert(a: NewArticle, em: EntityManager): Promise<string | undefined> {
    const rows = returnedRows<{ id: string }>(
      await em.query(
        `INSERT INTO articles (author_id, slug, title, body, excerpt, cover_url, reading_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [a.authorId, a.slug, a.title, a.body, a.excerpt, a.coverUrl, a.readingMinutes],
      ),
    );
    return rows[0]?.id;
  }

  async update(id: string, changes: ArticleChanges, em: EntityManager): Promise<void> {
    const params: unknown[] = [id];
    const sets = ['updated_at = now()'];
    for (const key of Object.keys(CHANGE_COLUMNS) as (keyof ArticleChanges)[]) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      // Column names come from the fixed map above, values are parameters.
      sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}`);
    }
    await em.query(`UPDATE articles SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** Publishes; the first publication date is kept, so listings stay in publication order. */
  async publish(id: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE articles SET status = 'published', updated_at = now(),
              published_at = COALESCE(published_at, date_trunc('milliseconds', now()))
        WHERE id = $1`,
      [id],
    );
  }

  async archive(id: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE articles SET status = 'archived', updated_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /** Deletes the article (its tags, comments and reactions go by cascade). */
  async delete(id: string, em: EntityManager): Promise<boolean> {
    return affectedCount(await em.query(`DELETE FROM articles WHERE id = $1`, [id])) > 0;
  }

  /**
   * Replaces the article's tags: `article_tags` and the sorted copy in `articles.tag_names`.
   * The tags must exist (TagsRepository.ensure).
   */
  async replaceTags(articleId: string, tags: string[], em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM article_tags WHERE article_id = $1`, [articleId]);
    await em.query(`UPDATE articles SET tag_names = $2::text[] WHERE id = $1`, [
      articleId,
      [...tags].sort(),
    ]);
    if (tags.length === 0) return;
    await em.query(
      `INSERT INTO article_tags (article_id, tag_id) SELECT $1, id FROM tags WHERE name = ANY($2::text[])`,
      [articleId, tags],
    );
  }
}

function toRecord(r: ArticleRow): ArticleRecord {
  return {
    id: r.id,
    authorId: r.author_id,
    slug: r.slug,
    title: r.title,
    body: r.body,
    excerpt: r.excerpt,
    coverUrl: r.cover_url,
    status: r.status,
    readingMinutes: Number(r.reading_minutes),
    likesCount: Number(r.likes_count),
    commentsCount: Number(r.comments_count),
    publishedAt: r.published_at ? toIso(r.published_at) : null,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    tags: r.tags ?? [],
  };
}
