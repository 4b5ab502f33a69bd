import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TerminusModule } from '@nestjs/terminus';
import { QueuesAdminController } from './admin/queues-admin.controller';
import { CoreCacheModule } from './cache/cache.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { MigrationList } from './database/typeorm-options';
import { DrainState } from './health/drain';
import { HealthController } from './health/health.controller';
import { ClientIpResolver } from './http/client-ip.resolver';
import { EdgeSafetyCheck } from './http/edge-safety.check';
import { HttpPipeline } from './http/http-pipeline';
import { KeysetCursors } from './http/keyset-cursors';
import { DomainEvents } from './events/domain-events';
import { OUTBOX_RELAY_ENABLED, OutboxRelay } from './events/outbox-relay';
import { OutboxRepository } from './events/outbox.repository';
import { RateLimitService } from './limits/rate-limit.service';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { DependencyMetrics } from './metrics/dependency-metrics';
import { coreMigrations } from './migrations';
import { QueueCoreModule } from './queue/queue.module';
import { InstanceBroadcast } from './redis/instance-broadcast';
import { RedisService } from './redis/redis.service';

export interface CoreModuleOptions {
  /** Migrations of the feature modules the app composes (core's own are added). */
  migrations?: MigrationList;
  /** Serve /health and /metrics (api); the worker has no HTTP server. */
  http?: boolean;
  /**
   * Deliver the outbox of domain events in this process (default: with `http`, i.e. the api,
   * where the modules' listeners are composed; the worker only writes events).
   */
  outboxRelay?: boolean;
}

/** Config, logging, events, database, Redis, cache, queues, limits and mail for one process. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, options: CoreModuleOptions = {}): DynamicModule {
    const configProvider = { provide: APP_CONFIG, useValue: config };
    // What feature modules may inject; EdgeSafetyCheck and DependencyMetrics stay internal.
    const exported = [
      {
        provide: ClientIpResolver,
        useFactory: () => new ClientIpResolver(config.trustedProxies),
      },
      { provide: KeysetCursors, useFactory: () => new KeysetCursors(config.jwtSecret) },
      DomainEvents,
      OutboxRepository,
      OutboxRelay,
      {
        provide: OUTBOX_RELAY_ENABLED,
        useValue: options.outboxRelay ?? options.http !== false,
      },
      RateLimitService,
      MetricsService,
      HttpPipeline,
      DrainState,
    ];
    return {
      module: CoreModule,
      imports: [
        ConfigHolderModule.forRoot(configProvider),
        LoggingModule,
        DiscoveryModule,
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
        DatabaseModule.forRoot([
          ...coreMigrations,
          ...((options.migrations as unknown[]) ?? []),
        ] as MigrationList),
        CoreCacheModule,
        QueueCoreModule,
        MailModule,
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
      ],
      controllers:
        options.http === false ? [] : [HealthController, MetricsController, QueuesAdminController],
      providers: [...exported, EdgeSafetyCheck, DependencyMetrics],
      exports: exported,
    };
  }
}

/**
 * Makes APP_CONFIG, RedisService and InstanceBroadcast available everywhere (both are idle
 * without REDIS_URL; the broadcast connects on first use).
 */
@Global()
@Module({})
class ConfigHolderModule {
  static forRoot(configProvider: { provide: symbol; useValue: AppConfig }): DynamicModule {
    return {
      module: ConfigHolderModule,
      providers: [configProvider, RedisService, InstanceBroadcast],
      exports: [configProvider, RedisService, InstanceBroadcast],
    };
  }
}
