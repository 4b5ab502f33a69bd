import { Module } from '@nestjs/common';
import { QueueModule, RateLimitService } from '@nexus/core';
import { AnalyticsController } from './analytics/analytics.controller';
import { AnalyticsRepository } from './analytics/analytics.repository';
import { AnalyticsService } from './analytics/analytics.service';
import { DemoHistorySeeder } from './analytics/demo-history';
import { DashboardRoutes } from './dashboard/dashboard.routes';
import { AnomalyRepository } from './anomaly/anomaly.repository';
import { AnomalyService } from './anomaly/anomaly.service';
import { LoginEventsListener } from './anomaly/login-events.listener';
import { LoginEventsRepository } from './anomaly/login-events.repository';
import { SECURITY_QUEUE, SecurityJobsProcessor, SecuritySchedules } from './anomaly/security-jobs';
import { GeoEnricher } from './geo/geo-enricher';
import { GeoLookupModule } from './geo/geo-lookup.module';
import { IpGeoRepository } from './geo/ip-geo.repository';
import { RequestLogRecorder } from './request-log/request-log.recorder';
import { RequestLogRepository } from './request-log/request-log.repository';
import { RequestLogWriter } from './request-log/request-log.writer';
import { RetentionService } from './request-log/retention.service';
import { RollupsRepository } from './rollups/rollups.repository';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AutoBlockPolicy } from './blocks/auto-block.policy';
import { Blacklist } from './blocks/blacklist';
import { BlocksController } from './blocks/blocks.controller';
import { CliBlocksController } from './cli/cli-blocks.controller';
import { OperatorAccess, OperatorTokenGuard } from './cli/operator-access';
import { BlocksService } from './blocks/blocks.service';
import { IpBlocksRepository } from './blocks/ip-blocks.repository';
import { GlobalRateLimit } from './rate-limit/global-rate-limit';
import { RateLimitMetrics } from './rate-limit/rate-limit.metrics';
import {
  RateLimitServiceStorage,
  RouteLimitGuard,
  routeThrottlers,
} from './rate-limit/route-limits';

const securityQueue = QueueModule.forFeature({
  name: SECURITY_QUEUE,
  attempts: 2,
  backoffMs: 5000,
  concurrency: 1,
});

/**
 * Background work (anomaly scans, retention, geolocation): in the worker in full mode, in the api
 * where it runs the queues (embedded); each piece starts only where `runWorkers` is set.
 */
const background = [
  RequestLogRepository,
  RollupsRepository,
  IpGeoRepository,
  AnomalyRepository,
  LoginEventsRepository,
  GeoEnricher,
  AnomalyService,
  RetentionService,
  SecurityJobsProcessor,
  SecuritySchedules,
];

/** The api part of @nexus/security-analytics: controllers and the services they use. */
@Module({
  imports: [
    securityQueue,
    // One GeoLookup per process, shared with other libs' workers (its database is loaded once).
    GeoLookupModule,
    // Named route limits (`@Throttle({ auth: {} })`), counted in core's RateLimitService.
    ThrottlerModule.forRootAsync({
      inject: [RateLimitService],
      useFactory: (limits: RateLimitService) => ({
        throttlers: routeThrottlers(),
        storage: new RateLimitServiceStorage(limits),
      }),
    }),
  ],
  controllers: [AnalyticsController, BlocksController, CliBlocksController],
  providers: [
    ...background,
    // Request log (docs/security-analytics.md#request-log)
    RequestLogWriter,
    RequestLogRecorder,
    LoginEventsListener,
    AnalyticsRepository,
    AnalyticsService,
    DemoHistorySeeder,
    DashboardRoutes,
    // Blacklist and rate limits (docs/blacklist-and-rate-limits.md)
    IpBlocksRepository,
    BlocksService,
    Blacklist,
    AutoBlockPolicy,
    RateLimitMetrics,
    GlobalRateLimit,
    OperatorAccess,
    OperatorTokenGuard,
    // After users' authentication guard (module order): `request.user` is known.
    { provide: APP_GUARD, useClass: RouteLimitGuard },
  ],
  exports: [
    RequestLogWriter,
    AnomalyService,
    GeoEnricher,
    RetentionService,
    BlocksService,
    Blacklist,
    GlobalRateLimit,
  ],
})
export class SecurityAnalyticsModule {}

/** The worker part of @nexus/security-analytics: queue processors and scheduled work, never a controller. */
@Module({
  imports: [securityQueue, GeoLookupModule],
  providers: [...background, IpBlocksRepository, BlocksService, AutoBlockPolicy],
  exports: [AnomalyService, GeoEnricher, RetentionService],
})
export class SecurityAnalyticsWorkerModule {}

/** What `npm run cli` opens when it writes the database itself (no api to go through). */
@Module({
  providers: [IpBlocksRepository, BlocksService],
  exports: [BlocksService],
})
export class SecurityAnalyticsCliModule {}
