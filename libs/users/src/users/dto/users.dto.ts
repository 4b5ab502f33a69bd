import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUrl, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  IsAcceptablePassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../auth/password-policy';
import { SingleLineText, Trim } from '@nexus/core';
import { ROLES, Role } from '../../auth/auth-user';

/** Only these fields can change; anything else (role, email, username…) is rejected with 400. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 80 })
  @ValidateIf((_, value) => value !== undefined)
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  @SingleLineText()
  displayName?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Writes about analytical engines.',
    maxLength: 500,
    nullable: true,
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(500)
  bio?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'https://cdn.example.com/ada.png',
    maxLength: 2048,
    nullable: true,
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'avatarUrl must be an http(s) URL' },
  )
  @MaxLength(2048)
  avatarUrl?: string | null;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'my current passphrase' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  currentPassword: string;

  @ApiProperty({ example: 'a brand new passphrase', minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @IsAcceptablePassword()
  newPassword: string;
}

export class DeleteAccountDto {
  @ApiProperty({ example: 'my current passphrase', description: 'Confirms the deletion' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password: string;
}

export class MeDto {
  @ApiProperty({ example: '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) email: string;
  @ApiProperty({ example: 'ada_l' }) username: string;
  @ApiProperty({ example: 'Ada Lovelace' }) displayName: string;
  @ApiProperty({ example: 'Writes about analytical engines.', nullable: true, type: String }) bio:
    string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ enum: ROLES, example: 'user' }) role: Role;
  @ApiProperty({ example: true }) emailVerified: boolean;
  @ApiProperty({ example: 12 }) followerCount: number;
  @ApiProperty({ example: 3 }) followingCount: number;
  @ApiProperty({ example: 5 }) publishedArticleCount: number;
  @ApiProperty({ example: '2026-01-01T12:00:00.000Z' }) createdAt: string;
}

export class ProfileDto {
  @ApiProperty({ example: '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: 'ada_l' }) username: string;
  @ApiProperty({ example: 'Ada Lovelace' }) displayName: string;
  @ApiProperty({ example: 'Writes about analytical engines.', nullable: true, type: String }) bio:
    string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ example: 12 }) followerCount: number;
  @ApiProperty({ example: 3 }) followingCount: number;
  @ApiProperty({ example: 5 }) publishedArticleCount: number;
  @ApiProperty({ example: '2026-01-01T12:00:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ example: false, description: 'Only for authenticated callers' })
  followedByMe?: boolean;
}

export class FollowListItemDto {
  @ApiProperty({ example: '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: 'ada_l' }) username: string;
  @ApiProperty({ example: 'Ada Lovelace' }) displayName: string;
  @ApiProperty({ example: null, nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ example: '2026-01-01T12:00:00.000000Z' }) followedAt: string;
}

export class FollowPageDto {
  @ApiProperty({ type: [FollowListItemDto] }) items: FollowListItemDto[];
  @ApiProperty({
    example: 'MjAyNi0wMS0wMVQxMjowMDowMC4wMDAwMDBafDBiN2Y...',
    nullable: true,
    type: String,
  })
  nextCursor: string | null;
}

export class FollowStateDto {
  @ApiProperty({ example: true }) following: boolean;
}

export class SessionDto {
  @ApiProperty({ example: '7c1d2e3f-8c1a-4c61-9a1e-3f1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: '203.0.113.7', nullable: true, type: String }) ip: string | null;
  @ApiProperty({ example: 'Mozilla/5.0 ...', nullable: true, type: String }) userAgent:
    string | null;
  @ApiProperty({ example: '2026-01-01T12:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-01-02T08:30:00.000Z', description: 'Last refresh' })
  lastUsedAt: string;
  @ApiProperty({ example: true, description: 'The session of the token making this request' })
  current: boolean;
}
