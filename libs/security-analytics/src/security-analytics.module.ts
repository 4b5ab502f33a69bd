import { Module } from '@nestjs/common';
import { AutoBlockPolicy } from './blocks/auto-block.policy';
import { Blacklist } from './blocks/blacklist';
import { BlocksController } from './blocks/blocks.controller';
import { BlocksService } from './blocks/blocks.service';
import { IpBlocksRepository } from './blocks/ip-blocks.repository';
import { GlobalRateLimit } from './rate-limit/global-rate-limit';
import { RateLimitMetrics } from './rate-limit/rate-limit.metrics';

/** The api part of @nexus/security-analytics: controllers and the services they use. */
@Module({
  controllers: [BlocksController],
  providers: [
    IpBlocksRepository,
    BlocksService,
    Blacklist,
    AutoBlockPolicy,
    RateLimitMetrics,
    GlobalRateLimit,
  ],
  exports: [BlocksService, Blacklist, GlobalRateLimit],
})
export class SecurityAnalyticsModule {}

/** The worker part of @nexus/security-analytics: queue processors and scheduled work, never a controller. */
@Module({
  providers: [IpBlocksRepository, BlocksService, AutoBlockPolicy],
})
export class SecurityAnalyticsWorkerModule {}
