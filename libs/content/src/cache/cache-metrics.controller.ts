import { Controller, Get, Header } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@nexus/users';
import { ApiProblems } from '@nexus/core';
import { CacheMetrics, CacheMetricsService } from './cache-metrics.service';

class NamespaceStatsDto {
  @ApiProperty({ example: 120 })
  hits: number;

  @ApiProperty({ example: 30 })
  misses: number;

  @ApiProperty({ example: 0.8, description: 'hits / (hits + misses); 0 without traffic' })
  hitRatio: number;
}

class RedisKeyspaceDto {
  @ApiProperty({ example: 5120 })
  keyspaceHits: number;

  @ApiProperty({ example: 640 })
  keyspaceMisses: number;

  @ApiProperty({ example: 0.888 })
  hitRatio: number;
}

class CacheMetricsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/NamespaceStatsDto' },
    example: { 'content:view': { hits: 120, misses: 30, hitRatio: 0.8 } },
  })
  namespaces: Record<string, NamespaceStatsDto>;

  @ApiPropertyOptional({
    type: RedisKeyspaceDto,
    nullable: true,
    description: 'Full mode only (Redis INFO stats)',
  })
  redis: RedisKeyspaceDto | null;
}

@ApiTags('content')
@ApiExtraModels(NamespaceStatsDto)
@Controller('admin/cache')
@Roles('admin')
export class CacheMetricsController {
  constructor(private readonly metrics: CacheMetricsService) {}

  @Get('metrics')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'Cache hits, misses and hit ratio per namespace (this process), and Redis keyspace figures',
  })
  @ApiOkResponse({ type: CacheMetricsDto })
  @ApiProblems(401, 403)
  get(): Promise<CacheMetrics> {
    return this.metrics.snapshot();
  }
}
