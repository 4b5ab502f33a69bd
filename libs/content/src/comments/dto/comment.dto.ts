import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NO_CONTROL_CHARS, Trim } from '@nexus/core';

export class CreateCommentDto {
  @ApiProperty({ example: 'Great write-up, thanks!', maxLength: 5000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  @Matches(NO_CONTROL_CHARS, { message: 'body must not contain control characters' })
  body: string;

  @ApiPropertyOptional({
    description: 'Reply to this top-level comment of the same article (one level of replies)',
    example: '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
