import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@nexus/core';
import { ContentModule, contentMigrations } from '@nexus/content';
import { UsersModule, usersMigrations } from '@nexus/users';

/** The worker process: the same modules as the api, without HTTP; it runs the processors. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, {
          migrations: [...usersMigrations, ...contentMigrations],
          http: false,
        }),
        UsersModule,
        ContentModule,
      ],
    };
  }
}
