import { Injectable } from '@nestjs/common';
import { PreparedQueries, ProblemException } from '@nexus/core';
import { AuthUser, FollowsService } from '@nexus/users';
import { CursorPosition, decodeCursor, encodeCursor } from '../shared/cursor';
import { normaliseTag } from '../shared/text';
import { ListFilter, listQuery, trendingQuery } from './article-queries';
import { ArticlePage, ArticleSummary, toIso } from './article.types';
import { FeedQueryDto, ListArticlesQueryDto, TrendingQueryDto } from './dto/article-query.dto';

interface SummaryRow {
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

export const DEFAULT_LIMIT = 20;

/** Published-article listings: filters, search, top, feed and trending, with keyset cursors. */
@Injectable()
export class ArticleListingService {
  constructor(
    private readonly db: PreparedQueries,
    private readonly follows: FollowsService,
  ) {}

  /** Validated query → the filter the SQL builder takes (cursor decoded, sort resolved). */
  static filterOf(q: ListArticlesQueryDto): ListFilter {
    const search = q.q?.trim();
    const sort = q.sort ?? (search ? 'relevance' : 'recent');
    if (sort === 'relevance' && !search) {
      throw new ProblemException({
        status: 400,
        type: 'validation',
        title: 'Validation Failed',
        detail: 'sort=relevance needs a search query (q).',
        errors: [{ field: 'sort', messages: ['sort=relevance requires q'] }],
      });
    }
    if (q.from && q.to && new Date(q.from) >= new Date(q.to)) {
      throw new ProblemException({
        status: 400,
        type: 'validation',
        title: 'Validation Failed',
        detail: '`from` must be before `to`.',
        errors: [{ field: 'from', messages: ['from must be before to'] }],
      });
    }
    const order = sort === 'relevance' ? 'rank' : sort;
    return {
      order,
      tag: q.tag !== undefined ? normaliseTag(q.tag) || '-' : undefined,
      author: q.author,
      q: search || undefined,
      // Normalised to UTC instants: what PostgreSQL parses is exactly what was validated.
      from: q.from ? new Date(q.from).toISOString() : undefined,
      to: q.to ? new Date(q.to).toISOString() : undefined,
      windowDays: q.window ?? 7,
      cursor: q.cursor ? decodeCursor(q.cursor, order) : undefined,
      limit: q.limit ?? DEFAULT_LIMIT,
    };
  }

  async list(q: ListArticlesQueryDto): Promise<ArticlePage> {
    return this.page(ArticleListingService.filterOf(q));
  }

  /** Articles by the authors the user follows, newest first. */
  async feed(user: AuthUser, q: FeedQueryDto): Promise<ArticlePage> {
    const filter: ListFilter = {
      order: 'recent',
      cursor: q.cursor ? decodeCursor(q.cursor, 'recent') : undefined,
      limit: q.limit ?? DEFAULT_LIMIT,
      authorIds: await this.follows.followingIds(user.id),
    };
    if (filter.authorIds!.length === 0) return { items: [], nextCursor: null };
    return this.page(filter);
  }

  async trending(q: TrendingQueryDto): Promise<{ days: number; items: ArticleSummary[] }> {
    const days = q.days ?? 7;
    const { sql, params } = trendingQuery(days, q.limit ?? DEFAULT_LIMIT);
    const rows = await this.db.query<SummaryRow>(sql, params);
    return { days, items: rows.map(toSummary) };
  }

  private async page(filter: ListFilter): Promise<ArticlePage> {
    const { sql, params } = listQuery(filter);
    // Only the plain newest-first listing (optionally bounded by dates or a cursor) has one best
    // plan whatever the values: the keyset index. Search terms, tags, authors and the feed's
    // author list change the best plan with their selectivity, so they are planned per call.
    const prepare =
      filter.order === 'recent' && !filter.q && !filter.tag && !filter.author && !filter.authorIds;
    const rows = await this.db.query<SummaryRow>(sql, params, { prepare });
    const more = rows.length > filter.limit;
    const pageRows = more ? rows.slice(0, filter.limit) : rows;
    const items = pageRows.map(toSummary);
    const last = pageRows[pageRows.length - 1];
    let nextCursor: string | null = null;
    if (more && last) {
      const position: CursorPosition = {
        sort: filter.order,
        at: toIso(filter.order === 'rank' ? last.bound! : last.published_at),
        id: last.id,
        score:
          filter.order === 'rank'
            ? Number(last.rank)
            : filter.order === 'top'
              ? Number(last.score)
              : undefined,
      };
      nextCursor = encodeCursor(position);
    }
    return { items, nextCursor };
  }
}

/** A listing row (article columns + the author card joined in the same query) → the API item. */
function toSummary(r: SummaryRow): ArticleSummary {
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
