import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsDateOrDateTime, ToInt } from '@nexus/core';

export class WindowQueryDto {
  @ApiPropertyOptional({
    // No example: Swagger UI would send it and narrow the window to a fixed past day.
    description:
      'Start of the window (ISO 8601, inclusive, e.g. `2026-12-01T00:00:00Z`); default `to` minus 24 hours',
  })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({
    description:
      'End of the window (ISO 8601, exclusive, e.g. `2026-12-02T00:00:00Z`); default now',
  })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;
}

export const GRANULARITIES = ['country', 'city'] as const;
export const BUCKETS = ['minute', 'hour', 'day'] as const;

export class GeoQueryDto extends WindowQueryDto {
  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'country' })
  @IsOptional()
  @IsIn(GRANULARITIES, { message: `granularity must be one of ${GRANULARITIES.join(', ')}` })
  granularity?: (typeof GRANULARITIES)[number];
}

export class TimeseriesQueryDto extends WindowQueryDto {
  @ApiPropertyOptional({
    enum: BUCKETS,
    default: 'hour',
    description: 'Bucket width; `minute` covers at most 2 days, `hour` 90 days, `day` 400 days',
  })
  @IsOptional()
  @IsIn(BUCKETS, { message: `bucket must be one of ${BUCKETS.join(', ')}` })
  bucket?: (typeof BUCKETS)[number];
}

export class SuspiciousQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only findings seen at or after (ISO 8601)' })
  @IsOptional()
  @IsDateOrDateTime()
  since?: string;
}

export class IpParamsDto {
  @ApiProperty({ description: 'An IPv4 or IPv6 address', example: '203.0.113.7' })
  @IsString()
  @Matches(/^[0-9a-fA-F:.]{2,45}$/, { message: 'ip must be an IPv4 or IPv6 address' })
  ip!: string;
}

// Response documents (Swagger).

export class CountDto {
  @ApiProperty({ example: '/api/v1/articles' }) key!: string;
  @ApiProperty() requests!: number;
}

export class TopIpDto {
  @ApiProperty({ example: '203.0.113.7' }) ip!: string;
  @ApiProperty({ example: 'FR', description: 'ISO country code or `unknown`' }) country!: string;
  @ApiProperty() requests!: number;
}

export class OverviewDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() uniqueIps!: number;
  @ApiProperty({ description: 'Refused by the blacklist' }) blocked!: number;
  @ApiProperty({ description: 'Refused by a rate limit (429)' }) limited!: number;
  @ApiProperty({ description: '4xx answers' }) clientErrors!: number;
  @ApiProperty({ description: '5xx answers' }) serverErrors!: number;
  @ApiProperty({ type: [CountDto], description: 'Countries (ISO code or `unknown`)' })
  topCountries!: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'Route templates (paths for unmatched requests)' })
  topPaths!: CountDto[];
  @ApiProperty({ type: [TopIpDto] }) topIps!: TopIpDto[];
}

export class GeoRowDto {
  @ApiProperty({ example: 'FR' }) country!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Paris' }) city!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lat!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lon!: number | null;
  @ApiProperty() requests!: number;
  @ApiProperty() uniqueIps!: number;
}

export class GeoDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: GRANULARITIES }) granularity!: string;
  @ApiProperty({ type: [GeoRowDto] }) rows!: GeoRowDto[];
  @ApiProperty({
    description: 'Attribution required by the GeoLite2 licence of the location data',
  })
  attribution!: string;
}

export class BucketDto {
  @ApiProperty({ description: 'Start of the bucket' }) t!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() clientErrors!: number;
  @ApiProperty() serverErrors!: number;
  @ApiProperty() blocked!: number;
  @ApiProperty() limited!: number;
}

export class TimeseriesDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: BUCKETS }) bucket!: string;
  @ApiProperty({ type: [BucketDto] }) points!: BucketDto[];
}

export class SuspiciousIpDto {
  @ApiProperty() ip!: string;
  @ApiProperty({ example: 'probing' }) rule!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ description: 'What the rule measured at its latest detection' }) hits!: number;
  @ApiProperty() firstSeen!: string;
  @ApiProperty() lastSeen!: string;
}

export class SuspiciousListDto {
  @ApiProperty({ type: [SuspiciousIpDto] }) items!: SuspiciousIpDto[];
}

export class IpGeoDto {
  @ApiProperty({ nullable: true, type: String }) country!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ nullable: true, type: String }) city!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lat!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lon!: number | null;
  @ApiProperty({ nullable: true, type: Number }) accuracyKm!: number | null;
}

export class IpRequestDto {
  @ApiProperty() at!: string;
  @ApiProperty() method!: string;
  @ApiProperty() route!: string;
  @ApiProperty() path!: string;
  @ApiProperty() status!: number;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
}

export class IpTotalsDto {
  @ApiProperty() requests!: number;
  @ApiProperty() blocked!: number;
  @ApiProperty() limited!: number;
  @ApiProperty() clientErrors!: number;
  @ApiProperty() serverErrors!: number;
}

export class IpDetailDto {
  @ApiProperty() ip!: string;
  @ApiProperty({ type: IpGeoDto, nullable: true, description: 'null until located' })
  geo!: IpGeoDto | null;
  @ApiProperty({ type: IpTotalsDto, description: 'The last 30 days, from the rollups' })
  last30Days!: IpTotalsDto;
  @ApiProperty({ type: [CountDto] }) topPaths!: CountDto[];
  @ApiProperty({ type: [SuspiciousIpDto] }) findings!: SuspiciousIpDto[];
  @ApiProperty({ type: [IpRequestDto], description: 'The newest 50 requests of the raw log' })
  recentRequests!: IpRequestDto[];
}
