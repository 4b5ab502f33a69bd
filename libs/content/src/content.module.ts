import { Module } from '@nestjs/common';
import { UsersModule } from '@nexus/users';
import { ArticleListingRepository } from './articles/article-listing.repository';
import { ArticleListingService } from './articles/article-listing.service';
import { ArticlesController } from './articles/articles.controller';
import { ArticlesRepository } from './articles/articles.repository';
import { ArticlesService } from './articles/articles.service';
import { AuthorCardsService } from './authors/author-cards.service';
import { CacheInvalidationListener } from './cache/cache-invalidation.listener';
import { CacheMetricsController } from './cache/cache-metrics.controller';
import { CacheMetricsService } from './cache/cache-metrics.service';
import { ContentCache } from './cache/content-cache';
import { HttpCacheInterceptor } from './cache/http-cache.interceptor';
import { TokenMirror } from './cache/token-mirror';
import { ViewCacheService } from './cache/view-cache';
import { CommentsController } from './comments/comments.controller';
import { CommentsRepository } from './comments/comments.repository';
import { CommentsService } from './comments/comments.service';
import { ReactionsController } from './reactions/reactions.controller';
import { ReactionsRepository } from './reactions/reactions.repository';
import { ReactionsService } from './reactions/reactions.service';
import {
  ArticlesResolver,
  CommentsResolver,
  ContentLoaders,
  ProfileArticlesResolver,
  UserArticlesResolver,
} from './graphql/content.resolver';
import { GraphqlBatchesRepository } from './graphql/graphql-batches.repository';
import { TagsController } from './tags/tags.controller';
import { TagsRepository } from './tags/tags.repository';
import { TagsService } from './tags/tags.service';

/** Articles, tags, comments, reactions, feed, search and trending, with their caches. */
@Module({
  imports: [UsersModule],
  controllers: [
    ArticlesController,
    CommentsController,
    ReactionsController,
    TagsController,
    CacheMetricsController,
  ],
  providers: [
    ArticlesRepository,
    ArticleListingRepository,
    CommentsRepository,
    ReactionsRepository,
    TagsRepository,
    TokenMirror,
    ContentCache,
    AuthorCardsService,
    ArticlesService,
    ArticleListingService,
    CommentsService,
    ReactionsService,
    TagsService,
    CacheInvalidationListener,
    CacheMetricsService,
    ViewCacheService,
    HttpCacheInterceptor,
    GraphqlBatchesRepository,
    ContentLoaders,
    ArticlesResolver,
    CommentsResolver,
    UserArticlesResolver,
    ProfileArticlesResolver,
  ],
  exports: [
    ArticlesService,
    ArticleListingService,
    TagsService,
    CacheMetricsService,
    CommentsService,
    ReactionsService,
  ],
})
export class ContentModule {}
