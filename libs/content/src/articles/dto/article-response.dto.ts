import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ARTICLE_STATUSES, ArticleStatus } from '../article.types';

export class AuthorCardDto {
  @ApiProperty({ example: '0b8a7c52-3f4e-4c1a-9a57-2d8f0e6b9c11' })
  id: string;

  @ApiProperty({ example: 'ada' })
  username: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  displayName: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  avatarUrl: string | null;
}

export class ArticleDto {
  @ApiProperty({ example: '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c' })
  id: string;

  @ApiProperty({ example: 'caching-done-right-in-nestjs' })
  slug: string;

  @ApiProperty({ example: 'Caching done right in NestJS' })
  title: string;

  @ApiProperty({
    description: 'Markdown',
    example: '# Why\n\nBecause readers must never see stale data.',
  })
  body: string;

  @ApiProperty({ example: 'Because readers must never see stale data.' })
  excerpt: string;

  @ApiProperty({ nullable: true, type: String, example: 'https://images.example.com/cover.jpg' })
  coverUrl: string | null;

  @ApiProperty({ enum: ARTICLE_STATUSES, example: 'published' })
  status: ArticleStatus;

  @ApiProperty({ example: ['caching', 'nestjs'] })
  tags: string[];

  @ApiProperty({ example: 4 })
  readingTimeMinutes: number;

  @ApiProperty({ example: 12 })
  likesCount: number;

  @ApiProperty({ example: 3, description: 'Comments and replies' })
  commentsCount: number;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-20T08:15:00.000Z' })
  publishedAt: string | null;

  @ApiProperty({ example: '2026-11-19T17:02:11.412Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-20T08:15:00.000Z' })
  updatedAt: string;

  @ApiProperty({ type: AuthorCardDto })
  author: AuthorCardDto;
}

/** A listing entry: the article without its body and draft-only fields. */
export class ArticleSummaryDto extends PickType(ArticleDto, [
  'id',
  'slug',
  'title',
  'excerpt',
  'coverUrl',
  'tags',
  'readingTimeMinutes',
  'likesCount',
  'commentsCount',
  'author',
] as const) {
  @ApiProperty({
    example: '2026-11-20T08:15:00.000Z',
    description: 'Always set: only published articles are listed',
  })
  publishedAt: string;

  @ApiPropertyOptional({ description: 'Search rank (q= ordered by relevance)', example: 0.0759 })
  rank?: number;

  @ApiPropertyOptional({
    description: 'Likes in the window (sort=top) or trending score',
    example: 7,
  })
  score?: number;
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleSummaryDto] })
  items: ArticleSummaryDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}

export class TrendingDto {
  @ApiProperty({ example: 7 })
  days: number;

  @ApiProperty({
    type: [ArticleSummaryDto],
    description: 'Ordered by likes + 2 × comments in the window',
  })
  items: ArticleSummaryDto[];
}

export class TagDto {
  @ApiProperty({ example: 'nestjs' })
  name: string;

  @ApiProperty({ example: 42, description: 'Published articles with this tag' })
  articleCount: number;
}

export class ReactionStateDto {
  @ApiProperty({ example: '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c' })
  articleId: string;

  @ApiProperty({ example: true })
  liked: boolean;

  @ApiProperty({ example: 13 })
  likesCount: number;
}
