import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { KEYSET_CURSOR_MAX_LENGTH } from '../http/keyset-cursors';
import { ToInt } from './validators';

/** The API's page size rule: a `limit` outside 1–100 is a 400, never a silent clamp. */
export const PAGE_SIZE = { min: 1, max: 100, default: 20 } as const;

/** `limit` alone, for listings that have no next page (e.g. trending). */
export class PageSizeQueryDto {
  @ApiPropertyOptional({
    minimum: PAGE_SIZE.min,
    maximum: PAGE_SIZE.max,
    default: PAGE_SIZE.default,
  })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(PAGE_SIZE.min)
  @Max(PAGE_SIZE.max)
  limit?: number;
}

/**
 * The query of every keyset listing; list DTOs extend it with their filters. The cursor's content
 * is checked where it is decoded (`KeysetCursors.decode`: a 400 `invalid-cursor`), since only the
 * codec knows the listing's scope; here only its type and the codec's length bound.
 */
export class PageQueryDto extends PageSizeQueryDto {
  @ApiPropertyOptional({
    description:
      'Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering',
    maxLength: KEYSET_CURSOR_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(KEYSET_CURSOR_MAX_LENGTH)
  cursor?: string;
}
