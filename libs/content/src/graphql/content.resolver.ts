import { Injectable } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { GraphqlContext, loaderKey, OptionalAuth, Public } from '@nexus/core';
import { AuthUser, CurrentUser, ProfileModel, UserModel } from '@nexus/users';
import DataLoader from 'dataloader';
import { ArticleListingService } from '../articles/article-listing.service';
import type { ArticlePage, ArticleRecord, ArticleView } from '../articles/article.types';
import { ArticlesService } from '../articles/articles.service';
import { AuthorCard, AuthorCardsService } from '../authors/author-cards.service';
import { CommentsService, CommentView } from '../comments/comments.service';
import type { CommentRecord } from '../comments/comments.repository';
import { ReactionsService, ReactionState } from '../reactions/reactions.service';
import { TagCount, TagsService } from '../tags/tags.service';
import {
  AddCommentArgs,
  ArticleConnectionModel,
  ArticleIdArgs,
  ArticleModel,
  ArticleRefArgs,
  ArticlesArgs,
  ArticleSource,
  ArticleStatusEnum,
  CommentModel,
  CreateArticleInput,
  NestedPageArgs,
  PageArgs,
  ReactionModel,
  SearchArgs,
  SlugArgs,
  TagModel,
  TrendingArgs,
  UpdateArticleArgs,
} from './content.graphql-types';
import { GraphqlBatchesRepository } from './graphql-batches.repository';

/** A keyset page as a Relay-style connection (the cursor marks the end of the page). */
export function toConnection(page: ArticlePage): ArticleConnectionModel {
  const last = page.items.length - 1;
  return {
    edges: page.items.map((node, i) => ({
      node,
      cursor: i === last ? page.nextCursor : null,
    })),
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
  };
}

/** Keys of loaders sized by a `first` argument: `<id>|<first>`. */
const sized = (id: string, first: number) => `${id}|${first}`;

/**
 * The per-request DataLoaders of the content types: many parents, one statement (or one cache
 * batch) per field, whatever the number of articles or authors on the page.
 */
@Injectable()
export class ContentLoaders {
  readonly cards;
  readonly records;
  readonly firstComments;
  readonly latestArticles;

  constructor(
    authors: AuthorCardsService,
    articles: ArticlesService,
    batches: GraphqlBatchesRepository,
  ) {
    this.cards = loaderKey(
      'content:author-cards',
      () =>
        new DataLoader<string, AuthorCard>(async (ids) => {
          const cards = await authors.cards([...ids]);
          return ids.map((id) => cards.get(id)!);
        }),
    );
    // Records come from the article cache (cache-aside per id); only misses reach the database.
    this.records = loaderKey(
      'content:article-records',
      () =>
        new DataLoader<string, ArticleRecord | undefined>((ids) =>
          Promise.all(ids.map((id) => articles.recordById(id))),
        ),
    );
    this.firstComments = loaderKey(
      'content:first-comments',
      () =>
        new DataLoader<string, CommentRecord[]>((keys) =>
          bySize(
            keys,
            (ids, first) => batches.firstComments(ids, first),
            (c) => c.articleId,
          ),
        ),
    );
    this.latestArticles = loaderKey(
      'content:latest-articles',
      () =>
        new DataLoader<string, ArticleSource[]>((keys) =>
          bySize(
            keys,
            (ids, first) => batches.latestByAuthors(ids, first),
            (a) => a.author.id,
          ),
        ),
    );
  }
}

/** Runs one batch per distinct page size, then hands each key its parent's rows. */
async function bySize<T>(
  keys: readonly string[],
  load: (ids: string[], first: number) => Promise<T[]>,
  parentOf: (row: T) => string,
): Promise<T[][]> {
  const groups = new Map<number, string[]>();
  for (const key of keys) {
    const [id, first] = key.split('|');
    const ids = groups.get(Number(first)) ?? [];
    ids.push(id);
    groups.set(Number(first), ids);
  }
  const rows = new Map<string, T[]>();
  await Promise.all(
    [...groups].map(async ([first, ids]) => {
      for (const row of await load(ids, first)) {
        const key = sized(parentOf(row), first);
        rows.set(key, [...(rows.get(key) ?? []), row]);
      }
    }),
  );
  return keys.map((key) => rows.get(key) ?? []);
}

@Resolver(() => ArticleModel)
export class ArticlesResolver {
  constructor(
    private readonly articles: ArticlesService,
    private readonly listing: ArticleListingService,
    private readonly tags: TagsService,
    private readonly loaders: ContentLoaders,
  ) {}

  // ---- queries ----------------------------------------------------------------------------

  @Query(() => ArticleModel, {
    description: 'An article by slug (drafts: their author and moderators only)',
  })
  @OptionalAuth()
  article(@Args() args: SlugArgs, @CurrentUser() viewer?: AuthUser): Promise<ArticleView> {
    return this.articles.getBySlug(args.slug, viewer);
  }

  @Query(() => ArticleConnectionModel, {
    name: 'articles',
    description: 'Published articles, newest first by default; the REST listing with its filters',
  })
  @Public()
  async articlesPage(@Args() args: ArticlesArgs): Promise<ArticleConnectionModel> {
    return toConnection(
      await this.listing.list({ ...args.filter, limit: args.first, cursor: args.after }),
    );
  }

  @Query(() => ArticleConnectionModel, { description: 'Full-text search, ranked by relevance' })
  @Public()
  async search(@Args() args: SearchArgs): Promise<ArticleConnectionModel> {
    return toConnection(
      await this.listing.list({ q: args.query, limit: args.first, cursor: args.after }),
    );
  }

  @Query(() => ArticleConnectionModel, {
    description: 'Published articles by the authors the caller follows (needs a token)',
  })
  async feed(
    @CurrentUser() user: AuthUser,
    @Args() args: PageArgs,
  ): Promise<ArticleConnectionModel> {
    return toConnection(await this.listing.feed(user, { limit: args.first, cursor: args.after }));
  }

  @Query(() => [ArticleModel], {
    description: 'Most liked and commented articles of the last days',
  })
  @Public()
  async trending(@Args() args: TrendingArgs): Promise<ArticleSource[]> {
    return (await this.listing.trending(args)).items;
  }

  @Query(() => [TagModel], {
    name: 'tags',
    description: 'Tags of published articles, most used first',
  })
  @Public()
  tagList(): Promise<TagCount[]> {
    return this.tags.list();
  }

  // ---- mutations --------------------------------------------------------------------------

  @Mutation(() => ArticleModel, { description: 'Create a draft; the caller is the author' })
  @Throttle({ write: {} })
  createArticle(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateArticleInput,
  ): Promise<ArticleView> {
    return this.articles.create(user, input);
  }

  @Mutation(() => ArticleModel, { description: 'Update an article (author or moderator)' })
  @Throttle({ write: {} })
  updateArticle(
    @CurrentUser() user: AuthUser,
    @Args() args: UpdateArticleArgs,
  ): Promise<ArticleView> {
    return this.articles.update(user, args.id, args.input);
  }

  @Mutation(() => ArticleModel, { description: 'Publish (verified email required; idempotent)' })
  @Throttle({ write: {} })
  publishArticle(@CurrentUser() user: AuthUser, @Args() ref: ArticleIdArgs): Promise<ArticleView> {
    return this.articles.publish(user, ref.id);
  }

  @Mutation(() => Boolean, { description: 'Delete an article with its comments and likes' })
  @Throttle({ write: {} })
  async deleteArticle(@CurrentUser() user: AuthUser, @Args() ref: ArticleIdArgs): Promise<boolean> {
    await this.articles.remove(user, ref.id);
    return true;
  }

  // ---- fields -----------------------------------------------------------------------------

  @ResolveField(() => String, { description: 'Markdown' })
  async body(@Parent() a: ArticleSource, @Context() ctx: GraphqlContext): Promise<string> {
    if ('body' in a) return a.body;
    return (await ctx.loaders.get(this.loaders.records).load(a.id))?.body ?? '';
  }

  @ResolveField(() => ArticleStatusEnum)
  status(@Parent() a: ArticleSource): string {
    // Listings only ever hold published articles.
    return 'status' in a ? a.status : 'published';
  }

  @ResolveField(() => String, { description: 'ISO 8601' })
  async createdAt(@Parent() a: ArticleSource, @Context() ctx: GraphqlContext): Promise<string> {
    if ('createdAt' in a) return a.createdAt;
    return (await ctx.loaders.get(this.loaders.records).load(a.id))?.createdAt ?? a.publishedAt;
  }

  @ResolveField(() => String, { description: 'ISO 8601' })
  async updatedAt(@Parent() a: ArticleSource, @Context() ctx: GraphqlContext): Promise<string> {
    if ('updatedAt' in a) return a.updatedAt;
    return (await ctx.loaders.get(this.loaders.records).load(a.id))?.updatedAt ?? a.publishedAt;
  }

  @ResolveField(() => [CommentModel], {
    description: 'The first top-level comments, oldest first (commentsCount has the total)',
  })
  comments(
    @Parent() a: ArticleSource,
    @Args() page: NestedPageArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<CommentRecord[]> {
    return ctx.loaders.get(this.loaders.firstComments).load(sized(a.id, page.first));
  }
}

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly comments: CommentsService,
    private readonly reactions: ReactionsService,
    private readonly loaders: ContentLoaders,
  ) {}

  @Mutation(() => CommentModel, {
    description: 'Comment on a published article (parentId: reply to a top-level comment)',
  })
  @Throttle({ write: {} })
  addComment(@CurrentUser() user: AuthUser, @Args() args: AddCommentArgs): Promise<CommentView> {
    return this.comments.create(user, args.articleId, args.input);
  }

  @Mutation(() => ReactionModel, { description: 'Like a published article (idempotent)' })
  @Throttle({ write: {} })
  react(@CurrentUser() user: AuthUser, @Args() ref: ArticleRefArgs): Promise<ReactionState> {
    return this.reactions.like(user, ref.articleId);
  }

  @Mutation(() => ReactionModel, { description: 'Remove the like (idempotent)' })
  @Throttle({ write: {} })
  unreact(@CurrentUser() user: AuthUser, @Args() ref: ArticleRefArgs): Promise<ReactionState> {
    return this.reactions.unlike(user, ref.articleId);
  }

  @ResolveField(() => UserModel)
  author(
    @Parent() c: CommentView | CommentRecord,
    @Context() ctx: GraphqlContext,
  ): AuthorCard | Promise<AuthorCard> {
    if ('author' in c && c.author) return c.author;
    return ctx.loaders.get(this.loaders.cards).load((c as CommentRecord).authorId);
  }
}

/** `User.articles` and `Profile.articles`: an author's newest published articles, batched. */
abstract class AuthorArticlesFields {
  constructor(private readonly loaders: ContentLoaders) {}

  protected load(
    user: { id: string },
    first: number,
    ctx: GraphqlContext,
  ): Promise<ArticleSource[]> {
    return ctx.loaders.get(this.loaders.latestArticles).load(sized(user.id, first));
  }
}

@Resolver(() => UserModel)
export class UserArticlesResolver extends AuthorArticlesFields {
  constructor(loaders: ContentLoaders) {
    super(loaders);
  }

  @ResolveField(() => [ArticleModel], { description: 'Newest published articles' })
  articles(
    @Parent() user: UserModel,
    @Args() page: NestedPageArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<ArticleSource[]> {
    return this.load(user, page.first, ctx);
  }
}

@Resolver(() => ProfileModel)
export class ProfileArticlesResolver extends AuthorArticlesFields {
  constructor(loaders: ContentLoaders) {
    super(loaders);
  }

  @ResolveField(() => [ArticleModel], { description: 'Newest published articles' })
  articles(
    @Parent() user: ProfileModel,
    @Args() page: NestedPageArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<ArticleSource[]> {
    return this.load(user, page.first, ctx);
  }
}
