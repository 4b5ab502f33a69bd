import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuthorCardDto } from '../../articles/dto/article-response.dto';

export class CommentDto {
  @ApiProperty({ example: '9a0e3c1d-7f0b-4a2c-8f1c-2f9e2a474a3b' })
  id: string;

  @ApiProperty({ example: '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c' })
  articleId: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  parentId: string | null;

  @ApiProperty({ example: 'Great write-up, thanks!' })
  body: string;

  @ApiProperty({ example: '2026-11-20T09:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ type: AuthorCardDto })
  author: AuthorCardDto;

  @ApiPropertyOptional({
    type: () => [CommentDto],
    description: 'Top-level comments: the first 50 replies',
  })
  replies?: CommentDto[];

  @ApiPropertyOptional({ example: 2, description: 'Top-level comments: number of replies' })
  replyCount?: number;
}

export class CommentPageDto {
  @ApiProperty({ type: [CommentDto] })
  items: CommentDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
