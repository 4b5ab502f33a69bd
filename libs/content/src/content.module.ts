import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '@nexus/users';
import { ArticleListingService } from './articles/article-listing.service';
import { ArticleEntity } from './articles/article.entity';
import { ArticlesController } from './articles/articles.controller';
import { ArticlesService } from './articles/articles.service';
import { AuthorCardsService } from './authors/author-cards.service';
import { CacheInvalidationListener } from './cache/cache-invalidation.listener';
import { CacheMetricsController } from './cache/cache-metrics.controller';
import { CacheMetricsService } from './cache/cache-metrics.service';
import { ContentCache } from './cache/content-cache';
import { HttpCacheInterceptor } from './cache/http-cache.interceptor';
import { TokenMirror } from './cache/token-mirror';
import { ViewCacheService } from './cache/view-cache';
import { CommentEntity } from './comments/comment.entity';
import { CommentsController } from './comments/comments.controller';
import { CommentsService } from './comments/comments.service';
import { ReactionEntity } from './reactions/reaction.entity';
import { ReactionsController } from './reactions/reactions.controller';
import { ReactionsService } from './reactions/reactions.service';
import { ArticleTagEntity, TagEntity } from './tags/tag.entity';
import { TagsController } from './tags/tags.controller';
import { TagsService } from './tags/tags.service';

/** Articles, tags, comments, reactions, feed, search and trending, with their caches. */
@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([
      ArticleEntity,
      TagEntity,
      ArticleTagEntity,
      CommentEntity,
      ReactionEntity,
    ]),
  ],
  controllers: [
    ArticlesController,
    CommentsController,
    ReactionsController,
    TagsController,
    CacheMetricsController,
  ],
  providers: [
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
