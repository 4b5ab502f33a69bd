import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@nexus/core';
import { Roles } from '@nexus/users';
import {
  GeoDto,
  GeoQueryDto,
  IpDetailDto,
  IpParamsDto,
  OverviewDto,
  SuspiciousListDto,
  SuspiciousQueryDto,
  TimeseriesDto,
  TimeseriesQueryDto,
  WindowQueryDto,
} from './analytics.dto';
import { AnalyticsService } from './analytics.service';

@ApiTags('security-analytics')
@Controller('admin/security')
@Roles('admin')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('analytics/overview')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'Traffic overview of a window: requests, unique addresses, refusals, errors, top countries, paths and addresses',
  })
  @ApiOkResponse({ type: OverviewDto })
  @ApiProblems(400, 401, 403)
  overview(@Query() q: WindowQueryDto) {
    return this.analytics.overview(q);
  }

  @Get('analytics/geo')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Requests and addresses per country or per city in a window' })
  @ApiOkResponse({ type: GeoDto })
  @ApiProblems(400, 401, 403)
  geo(@Query() q: GeoQueryDto) {
    return this.analytics.geoBreakdown(q);
  }

  @Get('analytics/timeseries')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Requests, errors and refusals per minute, hour or day in a window' })
  @ApiOkResponse({ type: TimeseriesDto })
  @ApiProblems(400, 401, 403)
  timeseries(@Query() q: TimeseriesQueryDto) {
    return this.analytics.timeseries(q);
  }

  @Get('suspicious-ips')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Anomaly findings, most recently seen first' })
  @ApiOkResponse({ type: SuspiciousListDto })
  @ApiProblems(400, 401, 403)
  suspicious(@Query() q: SuspiciousQueryDto) {
    return this.analytics.suspicious(q);
  }

  @Get('ips/:ip')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'Everything known about one address: location, 30-day usage, findings, newest requests',
  })
  @ApiOkResponse({ type: IpDetailDto })
  @ApiProblems(400, 401, 403)
  ip(@Param() params: IpParamsDto) {
    return this.analytics.ip(params.ip);
  }
}
