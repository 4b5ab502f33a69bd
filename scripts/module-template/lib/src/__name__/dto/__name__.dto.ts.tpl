import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { isUuid, NO_CONTROL_CHARS, PageQueryDto, Trim } from '@nexus/core';

const EXAMPLE_ID = '9a0e3c1d-7f0b-4a2c-8f1c-2f9e2a474a3b';

/** A UUID in canonical text form; anything else is a 400 before the database sees it. */
const IsUuidText = () =>
  ValidateBy({
    name: 'isUuidText',
    validator: { validate: isUuid, defaultMessage: () => '$property must be a UUID' },
  });

export class Create__Item__Dto {
  @ApiProperty({ example: 'Something worth keeping', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(NO_CONTROL_CHARS, { message: 'title must not contain control characters' })
  title: string;
}

export class __Item__IdParams {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID })
  @IsUuidText()
  id: string;
}

/** Keyset pagination (`limit`, `cursor`) comes from core's `PageQueryDto`. */
export class List__Name__QueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this member’s', example: EXAMPLE_ID })
  @IsOptional()
  @IsUuidText()
  ownerId?: string;
}

export class __Item__Dto {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID })
  id: string;

  @ApiProperty({ format: 'uuid', example: '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c' })
  ownerId: string;

  @ApiProperty({ example: 'Something worth keeping' })
  title: string;

  @ApiProperty({ example: '2026-11-20T09:00:00.123456Z' })
  createdAt: string;
}

export class __Item__PageDto {
  @ApiProperty({ type: [__Item__Dto] })
  items: __Item__Dto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
