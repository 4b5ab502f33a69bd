import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  IsDateOrDateTime,
  NO_CONTROL_CHARS,
  PageQueryDto,
  PageSizeQueryDto,
  ToInt,
  Trim,
} from '@nexus/core';

export const LIST_SORTS = ['recent', 'top', 'relevance'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export class ListArticlesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Tag name (normalised like tags on articles), e.g. `caching`',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  tag?: string;

  @ApiPropertyOptional({ description: "Author's username, e.g. `ada`" })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,30}$/, { message: 'author must be a username' })
  author?: string;

  @ApiPropertyOptional({
    description:
      'Full-text search over title (weight A) and body (weight B), web-search syntax: `"exact phrase" -not or`, ' +
      'e.g. `cache invalidation`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NO_CONTROL_CHARS, { message: 'q must not contain control characters' })
  q?: string;

  @ApiPropertyOptional({
    description: 'Published at or after: a date or date-time (ISO 8601), e.g. `2026-01-01`',
  })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({
    description: 'Published before: a date or date-time (ISO 8601), e.g. `2026-12-31T00:00:00Z`',
  })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;

  @ApiPropertyOptional({
    enum: LIST_SORTS,
    description:
      '`recent` (default without q): newest first. `top`: articles liked within the window, most likes first. ' +
      '`relevance` (default with q, requires q): search rank.',
  })
  @IsOptional()
  @IsIn(LIST_SORTS)
  sort?: ListSort;

  @ApiPropertyOptional({
    description: 'Window of `sort=top` in days',
    minimum: 1,
    maximum: 365,
    default: 7,
  })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(365)
  window?: number;
}

export class FeedQueryDto extends PageQueryDto {}

export class TrendingQueryDto extends PageSizeQueryDto {
  @ApiPropertyOptional({
    description: 'Activity window in days',
    minimum: 1,
    maximum: 30,
    default: 7,
  })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(30)
  days?: number;
}
