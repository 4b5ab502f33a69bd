import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { MigrationList, runMigrations, typeOrmOptions } from './typeorm-options';
import { PreparedQueries } from './prepared-queries';

export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

/** Opens PGlite in embedded mode (null in full mode) and closes it after the data source. */
@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.databaseUrl ? null : EmbeddedPostgres.open(config.dataDir),
    },
  ],
  exports: [EMBEDDED_POSTGRES],
})
export class EmbeddedPostgresModule implements OnApplicationShutdown {
  constructor(
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.embedded.close();
  }
}

/** TypeORM over PostgreSQL (DATABASE_URL) or embedded PGlite, with the given migrations. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(migrations: MigrationList): DynamicModule {
    let config: AppConfig;
    return {
      module: DatabaseModule,
      imports: [
        EmbeddedPostgresModule,
        TypeOrmModule.forRootAsync({
          imports: [EmbeddedPostgresModule],
          inject: [APP_CONFIG, EMBEDDED_POSTGRES],
          useFactory: (appConfig: AppConfig, embedded: EmbeddedPostgres | null) => ({
            ...typeOrmOptions((config = appConfig), migrations, embedded ?? undefined),
            retryAttempts: appConfig.databaseUrl ? 5 : 0,
            retryDelay: 1000,
          }),
          // Migrations finish before anything can inject the DataSource.
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const dataSource = await new DataSource(options!).initialize();
            if (config.dbMigrate) await runMigrations(dataSource, config);
            return dataSource;
          },
        }),
      ],
      providers: [PreparedQueries],
      exports: [EmbeddedPostgresModule, PreparedQueries],
    };
  }
}
