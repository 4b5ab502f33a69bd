import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EmailStatus } from '../mail/email-deliveries.repository';
import { PageQueryDto } from '../validation/page-query.dto';

export const EMAIL_STATUSES: EmailStatus[] = ['queued', 'sending', 'sent', 'failed', 'dead'];

export class QueueCountsDto {
  @ApiProperty({ example: 0 }) waiting: number;
  @ApiProperty({ example: 0 }) active: number;
  @ApiProperty({ example: 0 }) delayed: number;
  @ApiProperty({ example: 12 }) completed: number;
  @ApiProperty({ example: 1 }) failed: number;
}

export class QueueStateDto {
  @ApiProperty({ example: 'email' }) name: string;
  @ApiProperty({ enum: ['bullmq', 'in-process'], example: 'in-process' }) backend:
    'bullmq' | 'in-process';
  @ApiProperty({ type: QueueCountsDto }) counts: QueueCountsDto;
  @ApiProperty({
    example: 0,
    nullable: true,
    type: Number,
    description: 'Seconds the oldest waiting job has waited; null when none waits',
  })
  oldestWaitingSeconds: number | null;
}

export class QueueListDto {
  @ApiProperty({ type: [QueueStateDto] }) queues: QueueStateDto[];
}

export class DeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES, description: 'Only deliveries in this status' })
  @IsOptional()
  @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;
}

export class EmailDeliveryDto {
  @ApiProperty({ format: 'uuid', example: '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) to: string;
  @ApiProperty({ example: 'verify-email' }) template: string;
  @ApiProperty({ example: 'Confirm your email address' }) subject: string;
  @ApiProperty({ enum: EMAIL_STATUSES, example: 'dead' }) status: EmailStatus;
  @ApiProperty({ example: 5 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, example: 'connect ECONNREFUSED 127.0.0.1:25' })
  lastError: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class EmailDeliveryPageDto {
  @ApiProperty({ type: [EmailDeliveryDto] }) items: EmailDeliveryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Cursor of the next page' })
  nextCursor: string | null;
}
