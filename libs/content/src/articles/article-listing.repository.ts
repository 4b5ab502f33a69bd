import { Injectable } from '@nestjs/common';
import { KeysetPosition, PreparedQueries } from '@nexus/core';
import { ArticleSummary, toIso } from './article.types';

/*
 * The listing, search, feed and trending statements are built in one place so the repository and
 * the EXPLAIN check (`explainContentQueries`) run exactly the same SQL.
 */

/** What one listing page is: ordering, filters, keyset position and page size. */
export interface ListFilter {
  order: 'recent' | 'top' | 'rank';
  tag?: string;
  /** Username (the `author` filter). */
  author?: string;
  /** The feed: articles by these authors. */
  authorIds?: string[];
  q?: string;
  from?: string;
  to?: string;
  windowDays?: number;
  /** Position after the last row of the previous page (its score for `top` and `rank`). */
  cursor?: KeysetPosition;
  limit: number;
}

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/**
 * The row limit, written into the SQL text rather than passed as a parameter: the statements run
 * as named prepared statements (PreparedQueries), and with `LIMIT $n` PostgreSQL's generic plan
 * assumes 10% of the table is wanted, costs it far above the custom plans and so re-plans on
 * every execution. With the literal, the generic plan is costed like the custom ones and reused.
 * Limits are validated integers (1..101), so this adds at most one statement per page size.
 */
function rowLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`invalid row limit ${n}`);
  return n;
}

/** Matches ranked by relevance: the newest ones (see listStatement). */
export const SEARCH_WINDOW = 1000;

/** Columns of a listing entry (the body is not read). */
const SUMMARY = `a.id, a.author_id, a.slug, a.title, a.excerpt, a.cover_url, a.reading_minutes,
  a.likes_count, a.comments_count, a.published_at, a.tag_names`;

/**
 * The author card of each listed article, joined from the users module's `author_cards` view
 * (`u`; never its tables): one primary-key lookup per row inside the same statement, instead of
 * a cache round trip per page.
 */
const AUTHOR = `u.username AS author_username, u.display_name AS author_display_name,
  u.avatar_url AS author_avatar_url`;

/** One page (limit + 1 rows, the extra row tells whether there is a next page). */
export function listStatement(f: ListFilter): SqlQuery {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`a.status = 'published'`];
  if (f.tag) {
    where.push(
      `a.id IN (SELECT at.article_id FROM article_tags at WHERE at.tag_id = (SELECT t.id FROM tags t WHERE t.name = ${p(f.tag)}))`,
    );
  }
  // Usernames are stored lower-case and unique (users module); the view resolves them through
  // the unique index of its table.
  if (f.author)
    where.push(
      `a.author_id = (SELECT u.id FROM author_cards u WHERE u.username = lower(${p(f.author)}))`,
    );
  if (f.authorIds) where.push(`a.author_id = ANY(${p(f.authorIds)}::uuid[])`);
  if (f.from) where.push(`a.published_at >= ${p(f.from)}::timestamptz`);
  if (f.to) where.push(`a.published_at < ${p(f.to)}::timestamptz`);
  let tsquery = '';
  if (f.q !== undefined) {
    tsquery = `websearch_to_tsquery('english', ${p(f.q)})`;
    where.push(`a.search @@ ${tsquery}`);
  }
  const c = f.cursor;

  if (f.order === 'recent') {
    if (c) where.push(`(a.published_at, a.id) < (${p(c.at)}::timestamptz, ${p(c.id)}::uuid)`);
    return {
      sql: `SELECT ${SUMMARY}, ${AUTHOR} FROM articles a JOIN author_cards u ON u.id = a.author_id
             WHERE ${where.join(' AND ')}
            ORDER BY a.published_at DESC, a.id DESC LIMIT ${rowLimit(f.limit + 1)}`,
      params,
    };
  }
  if (f.order === 'rank') {
    // Relevance ranks the newest SEARCH_WINDOW matches: ts_rank has to read every vector it
    // ranks, and a common word matches most of the table, while the newest matches are found
    // through either index without reading the rest. The window's upper bound
    // travels in the cursor, so every page ranks exactly the same candidate set.
    if (c) where.push(`a.published_at <= ${p(c.at)}::timestamptz`);
    const after = c ? `WHERE (r.rank, r.id) < (${p(c.score)}::real, ${p(c.id)}::uuid)` : '';
    return {
      sql: `WITH candidates AS (
              SELECT ${SUMMARY}, a.search FROM articles a
               WHERE ${where.join(' AND ')}
               ORDER BY a.published_at DESC, a.id DESC LIMIT ${SEARCH_WINDOW}
            ), ranked AS (
              SELECT c.*, ts_rank(c.search, ${tsquery}) AS rank, max(c.published_at) OVER () AS bound
                FROM candidates c
            )
            SELECT r.id, r.author_id, r.slug, r.title, r.excerpt, r.cover_url, r.reading_minutes,
                   r.likes_count, r.comments_count, r.published_at, r.tag_names, r.rank, r.bound, ${AUTHOR}
              FROM ranked r JOIN author_cards u ON u.id = r.author_id ${after}
             ORDER BY r.rank DESC, r.id DESC LIMIT ${rowLimit(f.limit + 1)}`,
      params,
    };
  }
  // top: likes received within the window; only articles liked in it are listed.
  const window = p(f.windowDays ?? 7);
  const outer = c
    ? `WHERE (x.score, x.published_at, x.id) < (${p(c.score)}::int, ${p(c.at)}::timestamptz, ${p(c.id)}::uuid)`
    : '';
  return {
    sql: `SELECT * FROM (
            SELECT ${SUMMARY}, s.score, ${AUTHOR}
              FROM (SELECT r.article_id, count(*)::int AS score FROM reactions r
                     WHERE r.created_at >= now() - make_interval(days => ${window}) GROUP BY r.article_id) s
              JOIN articles a ON a.id = s.article_id
              JOIN author_cards u ON u.id = a.author_id
             WHERE ${where.join(' AND ')}
          ) x ${outer}
          ORDER BY x.score DESC, x.published_at DESC, x.id DESC LIMIT ${rowLimit(f.limit + 1)}`,
    params,
  };
}

/** Trending: likes + 2 × comments received in the last `days` days, published articles only. */
export function trendingStatement(days: number, limit: number): SqlQuery {
  return {
    sql: `WITH activity AS (
            SELECT article_id, count(*) AS likes, 0 AS comments FROM reactions
             WHERE created_at >= now() - make_interval(days => $1) GROUP BY article_id
            UNION ALL
            SELECT article_id, 0, count(*) FROM comments
             WHERE created_at >= now() - make_interval(days => $1) GROUP BY article_id
          ), scored AS (
            SELECT article_id, (sum(likes) + 2 * sum(comments))::int AS score FROM activity GROUP BY article_id
          )
          SELECT ${SUMMARY}, s.score, ${AUTHOR} FROM scored s JOIN articles a ON a.id = s.article_id
            JOIN author_cards u ON u.id = a.author_id
           WHERE a.status = 'published'
           ORDER BY s.score DESC, a.published_at DESC, a.id DESC LIMIT ${rowLimit(limit)}`,
    params: [days],
  };
}

export interface SummaryRow {
  id: string;
  author_id: string;
  slug: string;
  title: string;
  excerpt: string;
  cover_url: string | null;
  reading_minutes: number;
  likes_count: number;
  comments_count: number;
  published_at: Date | string;
  tag_names: string[];
  author_username: string;
  author_display_name: string;
  author_avatar_url: string | null;
  rank?: number | string;
  score?: number | string;
  /** Relevance: upper bound of the candidate window (carried by the cursor). */
  bound?: Date | string;
}

/** A page of a listing, and the position after its last row when there is a next page. */
export interface ListingPage {
  items: ArticleSummary[];
  next: KeysetPosition | null;
}

/**
 * Published-article listings (`articles`, `article_tags`, `tags`, `reactions`, `comments`, and
 * the users module's `author_cards` view), each one statement run through PreparedQueries.
 */
@Injectable()
export class ArticleListingRepository {
  constructor(private readonly db: PreparedQueries) {}

  async page(filter: ListFilter): Promise<ListingPage> {
    const { sql, params } = listStatement(filter);
    // Only the plain newest-first listing (optionally bounded by dates or a cursor) has one best
    // plan whatever the values: the keyset index. Search terms, tags, authors and the feed's
    // author list change the best plan with their selectivity, so they are planned per call.
    const prepare =
      filter.order === 'recent' && !filter.q && !filter.tag && !filter.author && !filter.authorIds;
    const rows = await this.db.query<SummaryRow>(sql, params, { prepare });
    const more = rows.length > filter.limit;
    const pageRows = more ? rows.slice(0, filter.limit) : rows;
    const last = pageRows[pageRows.length - 1];
    let next: KeysetPosition | null = null;
    if (more && last) {
      next = { at: toIso(filter.order === 'rank' ? last.bound! : last.published_at), id: last.id };
      if (filter.order === 'rank') next.score = Number(last.rank);
      if (filter.order === 'top') next.score = Number(last.score);
    }
    return { items: pageRows.map(toSummary), next };
  }

  async trending(days: number, limit: number): Promise<ArticleSummary[]> {
    const { sql, params } = trendingStatement(days, limit);
    const rows = await this.db.query<SummaryRow>(sql, params);
    return rows.map(toSummary);
  }
}

/** A listing row (article columns + the author card joined in the same query) → the API item. */
export function toSummary(r: SummaryRow): ArticleSummary {
  const item: ArticleSummary = {
    id: r.id,
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt,
    coverUrl: r.cover_url,
    tags: r.tag_names,
    readingTimeMinutes: Number(r.reading_minutes),
    likesCount: Number(r.likes_count),
    commentsCount: Number(r.comments_count),
    publishedAt: toIso(r.published_at),
    author: {
      id: r.author_id,
      username: r.author_username,
      displayName: r.author_display_name,
      avatarUrl: r.author_avatar_url,
    },
  };
  if (r.rank !== undefined) item.rank = Number(r.rank);
  if (r.score !== undefined) item.score = Number(r.score);
  return item;
}
