import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { RateLimitService } from '@nexus/core';
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

/** The api part of @nexus/security-analytics: controllers and the services they use. */
@Module({
  imports: [
    // Named route limits (`@Throttle({ auth: {} })`), counted in core's RateLimitService.
    ThrottlerModule.forRootAsync({
      inject: [RateLimitService],
      useFactory: (limits: RateLimitService) => ({
        throttlers: routeThrottlers(),
        storage: new RateLimitServiceStorage(limits),
      }),
    }),
  ],
  controllers: [BlocksController, CliBlocksController],
  providers: [
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
  exports: [BlocksService, Blacklist, GlobalRateLimit],
})
export class SecurityAnalyticsModule {}

/** The worker part of @nexus/security-analytics: queue processors and scheduled work, never a controller. */
@Module({
  providers: [IpBlocksRepository, BlocksService, AutoBlockPolicy],
})
export class SecurityAnalyticsWorkerModule {}

/** What `npm run cli` opens when it writes the database itself (no api to go through). */
@Module({
  providers: [IpBlocksRepository, BlocksService],
  exports: [BlocksService],
})
export class SecurityAnalyticsCliModule {}
