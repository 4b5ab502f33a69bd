import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@nexus/core';
import {
  Channel,
  CHANNELS,
  DIGEST_FREQUENCIES,
  DigestFrequency,
  NOTIFICATION_TYPES,
  NotificationType,
} from '../notification.types';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only unread notifications' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ enum: NOTIFICATION_TYPES })
  @IsOptional()
  @IsIn(NOTIFICATION_TYPES)
  type?: NotificationType;
}

export class NotificationIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 42, description: 'Position in the stream (the SSE event id)' })
  seq: number;

  @ApiProperty({ enum: NOTIFICATION_TYPES })
  type: NotificationType;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  actorId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'article' })
  subjectType: string | null;

  @ApiProperty({ nullable: true, type: String })
  subjectId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { actorName: 'Ada', articleTitle: 'Hello', path: '/api/v1/articles/hello' },
  })
  data: Record<string, unknown>;

  @ApiProperty()
  read: boolean;

  @ApiProperty({ nullable: true, type: String })
  readAt: string | null;

  @ApiProperty({ example: '2026-12-01T10:00:00.000000Z' })
  createdAt: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] })
  items: NotificationDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 })
  count: number;
}

export class ReadAllDto {
  @ApiProperty({ example: 3, description: 'How many were unread' })
  marked: number;
}

export class ChannelSwitchesDto {
  @ApiProperty()
  in_app: boolean;
  @ApiProperty()
  email: boolean;
  @ApiProperty()
  digest: boolean;
}

export class TypePreferencesDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES })
  type: NotificationType;

  @ApiProperty({ type: ChannelSwitchesDto })
  channels: ChannelSwitchesDto;

  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Channels that cannot be changed' })
  locked: Channel[];
}

export class PreferencesDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES })
  digest: DigestFrequency;

  @ApiProperty({ type: [TypePreferencesDto] })
  types: TypePreferencesDto[];
}

export class PreferenceChangeDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES })
  @IsIn(NOTIFICATION_TYPES)
  type: NotificationType;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty()
  @IsBoolean()
  enabled: boolean;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES })
  @IsOptional()
  @IsIn(DIGEST_FREQUENCIES)
  digest?: DigestFrequency;

  @ApiPropertyOptional({ type: [PreferenceChangeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length * CHANNELS.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceChangeDto)
  preferences?: PreferenceChangeDto[];
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The signed token of the email link' })
  @IsString()
  @MaxLength(300)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'token is malformed' })
  token: string;
}

export class UnsubscribeBodyDto {
  @ApiPropertyOptional({ example: 'One-Click', description: 'RFC 8058 one-click body' })
  @IsOptional()
  @IsIn(['One-Click'])
  'List-Unsubscribe'?: string;
}

export class UnsubscribedDto {
  @ApiProperty({ example: 'follower.new', description: 'A notification type, or `digest`' })
  unsubscribed: string;
}
