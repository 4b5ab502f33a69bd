import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@nexus/core';
import { contentMigrations } from '@nexus/content';
import { notificationsMigrations, NotificationsWorkerModule } from '@nexus/notifications';
import {
  securityAnalyticsMigrations,
  SecurityAnalyticsWorkerModule,
} from '@nexus/security-analytics';
import { usersMigrations, UsersWorkerModule } from '@nexus/users';

/**
 * The worker process: core without HTTP (its queue processors, email delivery among them) and the
 * worker part of each feature module, never a controller. Content has no background work yet.
 */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, {
          migrations: [
            ...usersMigrations,
            ...contentMigrations,
            ...notificationsMigrations,
            ...securityAnalyticsMigrations,
          ],
          http: false,
        }),
        UsersWorkerModule,
        NotificationsWorkerModule,
        SecurityAnalyticsWorkerModule,
      ],
    };
  }
}
