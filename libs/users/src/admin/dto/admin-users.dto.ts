import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto, TrimLower } from '@nexus/core';
import { ROLES, Role } from '../../auth/auth-user';

export class AdminListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ['active', 'suspended'] })
  @IsOptional()
  @IsIn(['active', 'suspended'])
  status?: 'active' | 'suspended';

  @ApiPropertyOptional({ description: 'Prefix of the username or email, e.g. `ada`' })
  @IsOptional()
  @TrimLower()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** Absent fields stay as they are; `null` is not "absent" and is rejected (a 400, never a 500). */
export class AdminUpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, example: 'moderator', description: 'Admins only' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: true, description: 'Suspending signs every session out at once' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  suspended?: boolean;

  @ApiPropertyOptional({ example: 'Spam', maxLength: 500 })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AdminUserDto {
  @ApiProperty({ example: '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) email: string;
  @ApiProperty({ example: 'ada_l' }) username: string;
  @ApiProperty({ example: 'Ada Lovelace' }) displayName: string;
  @ApiProperty({ enum: ROLES, example: 'user' }) role: Role;
  @ApiProperty({ example: true }) emailVerified: boolean;
  @ApiProperty({ example: false }) suspended: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) suspendedReason: string | null;
  @ApiProperty({ example: '2026-01-01T12:00:00.000000Z' }) createdAt: string;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items: AdminUserDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
