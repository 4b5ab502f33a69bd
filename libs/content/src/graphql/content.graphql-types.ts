import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OmitType } from '@nestjs/swagger';
import { exposeFields } from '@nexus/core';
import { UserModel } from '@nexus/users';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ArticleSummary, ArticleView } from '../articles/article.types';
import { CreateArticleDto, UpdateArticleDto } from '../articles/dto/article-input.dto';
import { LIST_SORTS, ListArticlesQueryDto } from '../articles/dto/article-query.dto';
import { CreateCommentDto } from '../comments/dto/comment.dto';

/*
 * GraphQL types of the content module. Inputs extend (or are mapped from) the REST DTOs, so both
 * APIs validate with the same rules; `exposeFields` only adds the GraphQL declarations.
 */

/** What an Article field resolver may receive: a listing row or a full article. */
export type ArticleSource = ArticleSummary | ArticleView;

export enum ArticleStatusEnum {
  draft = 'draft',
  published = 'published',
  archived = 'archived',
}
registerEnumType(ArticleStatusEnum, { name: 'ArticleStatus' });

export enum ArticleSortEnum {
  recent = 'recent',
  top = 'top',
  relevance = 'relevance',
}
registerEnumType(ArticleSortEnum, {
  name: 'ArticleSort',
  description: `${LIST_SORTS.join(', ')}: as the REST listing's sort`,
});

@ObjectType('Article')
export class ArticleModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  excerpt: string;

  @Field(() => String, { nullable: true })
  coverUrl: string | null;

  @Field(() => [String], { description: 'Normalised tag names' })
  tags: string[];

  @Field(() => Int)
  readingTimeMinutes: number;

  @Field(() => Int)
  likesCount: number;

  @Field(() => Int)
  commentsCount: number;

  @Field(() => String, { nullable: true, description: 'ISO 8601; null for drafts' })
  publishedAt: string | null;

  // A plain field, not a resolver: listing rows and articles carry the author card already
  // (joined in the listing's one statement), and a resolved field costs a Nest call per row.
  @Field(() => UserModel)
  author: UserModel;
}

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  articleId: string;

  @Field(() => ID, { nullable: true, description: 'Set on replies' })
  parentId: string | null;

  @Field(() => String)
  body: string;

  @Field(() => String, { description: 'ISO 8601' })
  createdAt: string;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page (the REST `nextCursor`)',
  })
  endCursor: string | null;
}

@ObjectType('ArticleEdge')
export class ArticleEdgeModel {
  @Field(() => ArticleModel)
  node: ArticleSource;

  @Field(() => String, {
    nullable: true,
    description:
      'Keyset cursors mark the end of a page: set on the last edge (= pageInfo.endCursor), null on the others',
  })
  cursor: string | null;
}

@ObjectType('ArticleConnection')
export class ArticleConnectionModel {
  @Field(() => [ArticleEdgeModel])
  edges: ArticleEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;
}

@ObjectType('Tag')
export class TagModel {
  @Field(() => String)
  name: string;

  @Field(() => Int, { description: 'Published articles with this tag' })
  articleCount: number;
}

@ObjectType('Reaction')
export class ReactionModel {
  @Field(() => ID)
  articleId: string;

  @Field(() => Boolean)
  liked: boolean;

  @Field(() => Int)
  likesCount: number;
}

/** The REST listing's filters (tag, author, q, from, to, sort, window) with their rules. */
@InputType('ArticleFilter')
export class ArticleFilterInput extends OmitType(ListArticlesQueryDto, ['cursor', 'limit']) {}
exposeFields(ArticleFilterInput, {
  tag: Field(() => String, { nullable: true }),
  author: Field(() => String, { nullable: true, description: "Author's username" }),
  q: Field(() => String, { nullable: true, description: 'Full-text search (web-search syntax)' }),
  from: Field(() => String, { nullable: true, description: 'Published at or after (ISO 8601)' }),
  to: Field(() => String, { nullable: true, description: 'Published before (ISO 8601)' }),
  sort: Field(() => ArticleSortEnum, { nullable: true }),
  window: Field(() => Int, { nullable: true, description: 'Window of sort=top in days' }),
});

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: '1–100, default 20' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;

  @Field(() => String, { nullable: true, description: 'pageInfo.endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  after?: string;
}

@ArgsType()
export class ArticlesArgs extends PageArgs {
  @Field(() => ArticleFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ArticleFilterInput)
  filter?: ArticleFilterInput;
}

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field(() => String, { description: 'Search terms (web-search syntax), ranked by relevance' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  query: string;
}

@ArgsType()
export class TrendingArgs {
  @Field(() => Int, { nullable: true, description: 'Activity window in days (1–30, default 7)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  days?: number;

  @Field(() => Int, { nullable: true, description: '1–100, default 20' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@ArgsType()
export class SlugArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  slug: string;
}

@ArgsType()
export class ArticleIdArgs {
  @Field(() => ID)
  @IsUUID(undefined, { message: 'id must be a UUID' })
  id: string;
}

@ArgsType()
export class ArticleRefArgs {
  @Field(() => ID)
  @IsUUID(undefined, { message: 'articleId must be a UUID' })
  articleId: string;
}

@ArgsType()
export class NestedPageArgs {
  @Field(() => Int, { defaultValue: 5, description: '1–50' })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number;
}

@InputType('CreateArticleInput')
export class CreateArticleInput extends CreateArticleDto {}
exposeFields(CreateArticleInput, {
  title: Field(() => String),
  body: Field(() => String, { description: 'Markdown' }),
  excerpt: Field(() => String, { nullable: true }),
  coverUrl: Field(() => String, { nullable: true }),
  tags: Field(() => [String], { nullable: true, description: 'Up to 10' }),
});

@InputType('UpdateArticleInput', { description: 'Any subset; null clears excerpt and coverUrl' })
export class UpdateArticleInput extends UpdateArticleDto {}
exposeFields(UpdateArticleInput, {
  title: Field(() => String, { nullable: true }),
  body: Field(() => String, { nullable: true }),
  excerpt: Field(() => String, { nullable: true }),
  coverUrl: Field(() => String, { nullable: true }),
  tags: Field(() => [String], { nullable: true, description: 'Replaces all tags' }),
});

@InputType('AddCommentInput')
export class AddCommentInput extends CreateCommentDto {}
exposeFields(AddCommentInput, {
  body: Field(() => String),
  parentId: Field(() => ID, { nullable: true, description: 'Reply to this top-level comment' }),
});

@ArgsType()
export class UpdateArticleArgs extends ArticleIdArgs {
  @Field(() => UpdateArticleInput)
  @ValidateNested()
  @Type(() => UpdateArticleInput)
  input: UpdateArticleInput;
}

@ArgsType()
export class AddCommentArgs extends ArticleRefArgs {
  @Field(() => AddCommentInput)
  @ValidateNested()
  @Type(() => AddCommentInput)
  input: AddCommentInput;
}

/** Re-exported for the resolvers: the author type is the users module's. */
export { UserModel };
