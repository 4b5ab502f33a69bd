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
/** Demo data at start-up and the large benchmark data set. */
export { ContentSeeder } from './demo/content-seeder.service';
export type { BulkSeedResult } from './demo/content-seeder.service';
/** EXPLAIN of the listing/search/feed/trending statements against their intended indexes. */
export { explainContentQueries } from './explain/explain-content-queries';
export type { PlanCheck } from './explain/explain-content-queries';
export { ContentNs } from './cache/content-cache';
