import { Module } from '@nestjs/common';
import { RequestLogRecorder } from './request-log/request-log.recorder';
import { RequestLogRepository } from './request-log/request-log.repository';
import { RequestLogWriter } from './request-log/request-log.writer';
import { RollupsRepository } from './rollups/rollups.repository';

/** The api part of @nexus/security-analytics: controllers and the services they use. */
@Module({
  providers: [
    // Request log (docs/security-analytics.md#request-log)
    RequestLogRepository,
    RollupsRepository,
    RequestLogWriter,
    RequestLogRecorder,
  ],
  exports: [RequestLogWriter],
})
export class SecurityAnalyticsModule {}

/** The worker part of @nexus/security-analytics: queue processors and scheduled work, never a controller. */
@Module({})
export class SecurityAnalyticsWorkerModule {}
