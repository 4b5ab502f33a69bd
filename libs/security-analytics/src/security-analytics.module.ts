import { Module } from '@nestjs/common';
import { QueueModule } from '@nexus/core';
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
import { GeoLookup } from './geo/geo-lookup';
import { IpGeoRepository } from './geo/ip-geo.repository';
import { RequestLogRecorder } from './request-log/request-log.recorder';
import { RequestLogRepository } from './request-log/request-log.repository';
import { RequestLogWriter } from './request-log/request-log.writer';
import { RetentionService } from './request-log/retention.service';
import { RollupsRepository } from './rollups/rollups.repository';

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
  GeoLookup,
  GeoEnricher,
  AnomalyService,
  RetentionService,
  SecurityJobsProcessor,
  SecuritySchedules,
];

/** The api part of @nexus/security-analytics: controllers and the services they use. */
@Module({
  imports: [securityQueue],
  controllers: [AnalyticsController],
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
  ],
  exports: [RequestLogWriter, AnomalyService, GeoEnricher, RetentionService],
})
export class SecurityAnalyticsModule {}

/** The worker part of @nexus/security-analytics: queue processors and scheduled work, never a controller. */
@Module({
  imports: [securityQueue],
  providers: background,
  exports: [AnomalyService, GeoEnricher, RetentionService],
})
export class SecurityAnalyticsWorkerModule {}
