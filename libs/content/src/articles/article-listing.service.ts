import { Injectable } from '@nestjs/common';
import { KeysetCursors, KeysetPosition, ProblemException } from '@nexus/core';
import { AuthUser, FollowsService } from '@nexus/users';
import { normaliseTag } from '../shared/text';
import { ArticleListingRepository, ListFilter, ListingPage } from './article-listing.repository';
import { ArticlePage, ArticleSummary } from './article.types';
import { FeedQueryDto, ListArticlesQueryDto, TrendingQueryDto } from './dto/article-query.dto';

export const DEFAULT_LIMIT = 20;

/**
 * Cursor scope of each listing: a cursor is only accepted by the listing and ordering that
 * issued it (the feed pages like `recent`, but over another set of articles).
 */
export const LISTING_SCOPES = {
  recent: 'content:articles:recent',
  top: 'content:articles:top',
  rank: 'content:articles:rank',
  feed: 'content:feed',
} as const;

/** Published-article listings: filters, search, top, feed and trending, with keyset cursors. */
@Injectable()
export class ArticleListingService {
  constructor(
    private readonly listings: ArticleListingRepository,
    private readonly follows: FollowsService,
    private readonly cursors: KeysetCursors,
  ) {}

  /** Validated query → the listing filter (sort resolved, cursor not yet decoded). */
  static filterOf(q: ListArticlesQueryDto): Omit<ListFilter, 'cursor'> {
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
    return {
      order: sort === 'relevance' ? 'rank' : sort,
      tag: q.tag !== undefined ? normaliseTag(q.tag) || '-' : undefined,
      author: q.author,
      q: search || undefined,
      // Normalised to UTC instants: what PostgreSQL parses is exactly what was validated.
      from: q.from ? new Date(q.from).toISOString() : undefined,
      to: q.to ? new Date(q.to).toISOString() : undefined,
      windowDays: q.window ?? 7,
      limit: q.limit ?? DEFAULT_LIMIT,
    };
  }

  async list(q: ListArticlesQueryDto): Promise<ArticlePage> {
    const filter = ArticleListingService.filterOf(q);
    const scope = LISTING_SCOPES[filter.order];
    const cursor = this.decode(scope, q.cursor, filter.order !== 'recent');
    return this.toPage(scope, await this.listings.page({ ...filter, cursor }));
  }

  /** Articles by the authors the user follows, newest first. */
  async feed(user: AuthUser, q: FeedQueryDto): Promise<ArticlePage> {
    const cursor = this.decode(LISTING_SCOPES.feed, q.cursor, false);
    const authorIds = await this.follows.followingIds(user.id);
    if (authorIds.length === 0) return { items: [], nextCursor: null };
    const page = await this.listings.page({
      order: 'recent',
      cursor,
      limit: q.limit ?? DEFAULT_LIMIT,
      authorIds,
    });
    return this.toPage(LISTING_SCOPES.feed, page);
  }

  async trending(q: TrendingQueryDto): Promise<{ days: number; items: ArticleSummary[] }> {
    const days = q.days ?? 7;
    return { days, items: await this.listings.trending(days, q.limit ?? DEFAULT_LIMIT) };
  }

  private decode(
    scope: string,
    raw: string | undefined,
    withScore: boolean,
  ): KeysetPosition | undefined {
    return this.cursors.decode(scope, raw, { withScore });
  }

  private toPage(scope: string, page: ListingPage): ArticlePage {
    return {
      items: page.items,
      nextCursor: page.next ? this.cursors.encode(scope, page.next) : null,
    };
  }
}
