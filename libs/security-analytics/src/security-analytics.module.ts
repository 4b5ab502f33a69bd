import { Module } from '@nestjs/common';

/** The api part of @nexus/security-analytics: controllers and the services they use. */
@Module({})
export class SecurityAnalyticsModule {}

/** The worker part of @nexus/security-analytics: queue processors and scheduled work, never a controller. */
@Module({})
export class SecurityAnalyticsWorkerModule {}
