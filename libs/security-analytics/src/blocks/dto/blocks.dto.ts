import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, SingleLineText, Trim } from '@nexus/core';

export class CreateBlockDto {
  @ApiProperty({
    example: '203.0.113.0/24',
    description:
      'An IPv4 or IPv6 address (a /32 or /128 block) or a CIDR block. Not /0; no host bits below the prefix.',
  })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  cidr: string;

  @ApiProperty({ example: 'Credential stuffing from this range', maxLength: 500 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @SingleLineText()
  reason: string;

  @ApiPropertyOptional({
    example: '2026-12-31T00:00:00Z',
    nullable: true,
    type: String,
    description: 'ISO 8601, in the future (at most 10 years); absent or null: until unblocked',
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsISO8601({ strict: true })
  expiresAt?: string | null;

  @ApiPropertyOptional({
    example: false,
    description: 'Block even if the range covers the allowlist or your own address',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class BlockListQueryDto extends PageQueryDto {}

export class BlockDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '203.0.113.0/24' }) cidr: string;
  @ApiProperty({ example: 'Credential stuffing from this range' }) reason: string;
  @ApiProperty({ enum: ['manual', 'auto'] }) source: 'manual' | 'auto';
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Admin user id, `cli:<name>` for the command line, null for automatic blocks',
  })
  createdBy: string | null;
  @ApiProperty({ example: '2026-12-01T10:00:00.000000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-01T11:00:00.000000Z' })
  expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class BlockPageDto {
  @ApiProperty({ type: [BlockDto] }) items: BlockDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
