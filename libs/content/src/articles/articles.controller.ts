import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { OptionalAuth, Public } from '@nexus/core';
import { AuthUser, CurrentUser } from '@nexus/users';
import { HttpCacheInterceptor } from '../cache/http-cache.interceptor';
import { ViewCache } from '../cache/view-cache';
import { ApiProblems } from '@nexus/core';
import { ArticleListingService } from './article-listing.service';
import { ArticlePage, ArticleView } from './article.types';
import { ArticlesService, notFound } from './articles.service';
import { CreateArticleDto, UpdateArticleDto } from './dto/article-input.dto';
import { FeedQueryDto, ListArticlesQueryDto, TrendingQueryDto } from './dto/article-query.dto';
import {
  ArticleDto,
  ArticlePageDto,
  ArticleSummaryDto,
  TrendingDto,
} from './dto/article-response.dto';

const SLUG = /^[a-z0-9-]{1,120}$/;
const IF_NONE_MATCH = ApiHeader({
  name: 'If-None-Match',
  required: false,
  description: 'ETag of a previous answer',
});

const ARTICLE_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: 'Article id (`id` of the article in a listing or after creation)',
});
// A demo article (embedded mode's demo data), so "Try it out" answers as it is.
const ARTICLE_SLUG = ApiParam({ name: 'slug', example: 'ten-questions-about-cache-invalidation' });

@ApiTags('content')
@Controller()
@UseInterceptors(HttpCacheInterceptor)
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly listing: ArticleListingService,
  ) {}

  @Post('articles')
  @Throttle({ write: {} })
  @ApiOperation({ summary: 'Create an article (a draft; the caller is the author)' })
  @ApiCreatedResponse({ type: ArticleDto })
  @ApiProblems(400, 401, 429)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateArticleDto): Promise<ArticleView> {
    return this.articles.create(user, body);
  }

  @Get('articles')
  @Public()
  @ViewCache('articles')
  @ApiOperation({
    summary: 'List published articles',
    description:
      'Newest first by default; `q` searches title and body (ranked); `sort=top` ranks by likes in a window. ' +
      'Keyset pagination: pass `nextCursor` back as `cursor`. Cached (view level) and invalidated on change.',
  })
  @IF_NONE_MATCH
  @ApiOkResponse({ type: ArticlePageDto })
  @ApiProblems(304, 400)
  list(@Query() query: ListArticlesQueryDto): Promise<ArticlePage> {
    return this.listing.list(query);
  }

  @Get('articles/:slug')
  @OptionalAuth()
  @ViewCache('article')
  @ApiOperation({ summary: 'Read an article by slug (drafts: author and moderators only)' })
  @ARTICLE_SLUG
  @IF_NONE_MATCH
  @ApiOkResponse({ type: ArticleDto })
  @ApiProblems(304, 401, 404)
  get(
    @Param('slug') slug: string,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<ArticleView> {
    if (!SLUG.test(slug)) throw notFound();
    return this.articles.getBySlug(slug, user);
  }

  @Patch('articles/:id')
  @Throttle({ write: {} })
  @ARTICLE_ID
  @ApiOperation({ summary: 'Update an article (any subset of the fields; author or moderator)' })
  @ApiOkResponse({ type: ArticleDto })
  @ApiProblems(400, 401, 403, 404, 429)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateArticleDto,
  ): Promise<ArticleView> {
    return this.articles.update(user, id, body);
  }

  @Post('articles/:id/publish')
  @Throttle({ write: {} })
  @ARTICLE_ID
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish an article (verified email required; idempotent)' })
  @ApiOkResponse({ type: ArticleDto })
  @ApiProblems(400, 401, 403, 404, 429)
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ArticleView> {
    return this.articles.publish(user, id);
  }

  @Post('articles/:id/unpublish')
  @Throttle({ write: {} })
  @ARTICLE_ID
  @HttpCode(200)
  @ApiOperation({ summary: 'Unpublish (archive) an article; idempotent' })
  @ApiOkResponse({ type: ArticleDto })
  @ApiProblems(400, 401, 403, 404, 429)
  unpublish(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ArticleView> {
    return this.articles.unpublish(user, id);
  }

  @Delete('articles/:id')
  @Throttle({ write: {} })
  @ARTICLE_ID
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an article with its comments and likes (author or moderator)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 429)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.articles.remove(user, id);
  }

  @Get('feed')
  @ApiOperation({ summary: 'Published articles by the authors the caller follows, newest first' })
  @IF_NONE_MATCH
  @ApiOkResponse({ type: ArticlePageDto })
  @ApiProblems(304, 400, 401)
  feed(@CurrentUser() user: AuthUser, @Query() query: FeedQueryDto): Promise<ArticlePage> {
    return this.listing.feed(user, query);
  }

  @Get('trending')
  @Public()
  @ViewCache('trending')
  @ApiOperation({ summary: 'Articles with the most likes and comments in the last days' })
  @IF_NONE_MATCH
  @ApiOkResponse({ type: TrendingDto })
  @ApiProblems(304, 400)
  trending(
    @Query() query: TrendingQueryDto,
  ): Promise<{ days: number; items: ArticleSummaryDto[] }> {
    return this.listing.trending(query);
  }
}
