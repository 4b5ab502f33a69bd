import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig, CoreModule, NexusGraphqlModule } from '@nexus/core';
import { ContentModule, contentMigrations } from '@nexus/content';
import { DemoModule } from '@nexus/demo';
import { NotificationsModule, notificationsMigrations } from '@nexus/notifications';
import { SecurityAnalyticsModule, securityAnalyticsMigrations } from '@nexus/security-analytics';
import { UsersModule, usersMigrations } from '@nexus/users';
import { SystemController } from './system.controller';

/** The api process: core plus every feature module (and the demo data when enabled). Composition only. */
@Module({})
export class AppModule {
  /** `extraImports` lets tests and benchmarks add fixture modules. */
  static register(config: AppConfig, extraImports: (Type | DynamicModule)[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, {
          migrations: [
            ...usersMigrations,
            ...contentMigrations,
            ...notificationsMigrations,
            ...securityAnalyticsMigrations,
          ],
        }),
        UsersModule,
        ContentModule,
        NotificationsModule,
        SecurityAnalyticsModule,
        NexusGraphqlModule.forRoot(config),
        ...(config.seedDemoData ? [DemoModule] : []),
        ...extraImports,
      ],
      controllers: [SystemController],
    };
  }
}
