import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { NO_CONTROL_CHARS, Trim } from '@nexus/core';

export class CreateArticleDto {
  @ApiProperty({ example: 'Caching done right in NestJS', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(NO_CONTROL_CHARS, { message: 'title must not contain control characters' })
  title: string;

  @ApiProperty({
    description: 'Markdown',
    example: '# Why\n\nBecause readers must never see stale data.',
    maxLength: 100_000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  @Matches(NO_CONTROL_CHARS, { message: 'body must not contain control characters' })
  body: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Plain-text summary; derived from the body when absent (or null on update)',
    example:
      'Versioned keys, event-driven invalidation and a proof that cached reads skip the database.',
    maxLength: 500,
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(500)
  @Matches(NO_CONTROL_CHARS, { message: 'excerpt must not contain control characters' })
  excerpt?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'https://images.example.com/cover.jpg',
    maxLength: 2048,
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  coverUrl?: string | null;

  @ApiPropertyOptional({
    description: 'Up to 10 tags; normalised to lower-case `a-z0-9-` and created on first use',
    example: ['nestjs', 'caching'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  @Matches(/[A-Za-z0-9]/, { each: true, message: 'each tag must contain a letter or digit' })
  tags?: string[];
}

/**
 * Any subset of the create fields. `null` clears excerpt and coverUrl; for title, body and tags
 * it is rejected (a plain PartialType would let it through, since @IsOptional skips null).
 */
export class UpdateArticleDto extends PartialType(
  OmitType(CreateArticleDto, ['title', 'body', 'tags'] as const),
) {
  @ApiPropertyOptional({ example: 'Caching done right in NestJS (2nd edition)', maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(NO_CONTROL_CHARS, { message: 'title must not contain control characters' })
  title?: string;

  @ApiPropertyOptional({
    description: 'Markdown',
    example: '# Why\n\nUpdated.',
    maxLength: 100_000,
  })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  @Matches(NO_CONTROL_CHARS, { message: 'body must not contain control characters' })
  body?: string;

  @ApiPropertyOptional({ description: 'Replaces all tags', example: ['nestjs'], type: [String] })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  @Matches(/[A-Za-z0-9]/, { each: true, message: 'each tag must contain a letter or digit' })
  tags?: string[];
}
