/** @nexus/content: articles, tags, comments, reactions, feed, search and trending. */
export { ContentModule } from './content.module';
export { contentMigrations } from './migrations';
export * from './content.events';
export { ARTICLE_STATUSES } from './articles/article.types';
export type {
  ArticleStatus,
  ArticleView,
  ArticleSummary,
  ArticlePage,
  ArticleRecord,
} from './articles/article.types';
/** Article writes and cached reads (by slug / id). */
export { ArticlesService } from './articles/articles.service';
/** Listings, search, feed and trending. */
export { ArticleListingService } from './articles/article-listing.service';
/** Cache hit/miss figures per namespace and Redis keyspace stats. */
export { CacheMetricsService } from './cache/cache-metrics.service';
export type { CacheMetrics } from './cache/cache-metrics.service';
/** Comments and likes (the demo data is written through them). */
export { CommentsService } from './comments/comments.service';
export { ReactionsService } from './reactions/reactions.service';
/** Derived article columns, for tools that write articles directly (the demo lib's bulk generator). */
export { excerptOf, readingMinutes, slugify } from './shared/text';
/** EXPLAIN of the listing/search/feed/trending statements against their intended indexes. */
export { explainContentQueries } from './explain/explain-content-queries';
export type { PlanCheck, SearchTerms } from './explain/explain-content-queries';
export { ContentNs } from './cache/content-cache';
/** GraphQL paging shared by every connection (arguments `first`/`after`, `PageInfo`). */
export { PageArgs, PageInfoModel } from './graphql/content.graphql-types';
