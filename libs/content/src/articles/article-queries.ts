import { CursorPosition } from '../shared/cursor';

/**
 * SQL of the listing, search, feed and trending queries, built in one place so the service
 * and the EXPLAIN check (`explainContentQueries`) run exactly the same statements.
 */
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
  cursor?: CursorPosition;
  limit: number;
}

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** Matches ranked by relevance: the newest ones (see listQuery). */
export const SEARCH_WINDOW = 1000;

/** Columns of a listing entry (the body is not read). */
const SUMMARY = `a.id, a.author_id, a.slug, a.title, a.excerpt, a.cover_url, a.reading_minutes,
  a.likes_count, a.comments_count, a.published_at`;

/** One page (limit + 1 rows, the extra row tells whether there is a next page). */
export function listQuery(f: ListFilter): SqlQuery {
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
  // Usernames are stored lower-case and unique (users module); resolved by its unique index.
  if (f.author)
    where.push(`a.author_id = (SELECT u.id FROM users u WHERE u.username = lower(${p(f.author)}))`);
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
      sql: `SELECT ${SUMMARY} FROM articles a WHERE ${where.join(' AND ')}
            ORDER BY a.published_at DESC, a.id DESC LIMIT ${p(f.limit + 1)}`,
      params,
    };
  }
  if (f.order === 'rank') {
    // Relevance ranks the newest SEARCH_WINDOW matches: ts_rank has to read every vector it
    // ranks, and a common word matches most of the table (70k of 100k rows: 340 ms), while the
    // newest matches are found in a few ms through either index. The window's upper bound
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
            SELECT id, author_id, slug, title, excerpt, cover_url, reading_minutes, likes_count,
                   comments_count, published_at, rank, bound
              FROM ranked r ${after}
             ORDER BY r.rank DESC, r.id DESC LIMIT ${p(f.limit + 1)}`,
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
            SELECT ${SUMMARY}, s.score
              FROM (SELECT r.article_id, count(*)::int AS score FROM reactions r
                     WHERE r.created_at >= now() - make_interval(days => ${window}) GROUP BY r.article_id) s
              JOIN articles a ON a.id = s.article_id
             WHERE ${where.join(' AND ')}
          ) x ${outer}
          ORDER BY x.score DESC, x.published_at DESC, x.id DESC LIMIT ${p(f.limit + 1)}`,
    params,
  };
}

/** Trending: likes + 2 × comments received in the last `days` days, published articles only. */
export function trendingQuery(days: number, limit: number): SqlQuery {
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
          SELECT ${SUMMARY}, s.score FROM scored s JOIN articles a ON a.id = s.article_id
           WHERE a.status = 'published'
           ORDER BY s.score DESC, a.published_at DESC, a.id DESC LIMIT $2`,
    params: [days, limit],
  };
}

/** Tag names of a page of articles, in one query. */
export function tagsOfQuery(articleIds: string[]): SqlQuery {
  return {
    sql: `SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
           WHERE at.article_id = ANY($1::uuid[]) ORDER BY t.name`,
    params: [articleIds],
  };
}
