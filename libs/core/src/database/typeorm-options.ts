import type { DataSourceOptions, MixedList } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationList = MixedList<Function>;

/** The one place TypeORM is configured; the same entities and migrations serve both modes. */
export function typeOrmOptions(
  config: AppConfig,
  migrations: MigrationList,
  embedded?: EmbeddedPostgres,
  entities?: DataSourceOptions['entities'],
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    // gen_random_uuid() is core since Postgres 13; PGlite ships no uuid-ossp.
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
    synchronize: false,
    migrations,
    migrationsRun: config.dbMigrate,
    migrationsTransactionMode: 'each' as const,
    entities,
    logging: config.logLevel === 'trace' ? ('all' as const) : (['error', 'warn'] as const as ('error' | 'warn')[]),
    maxQueryExecutionTime: 1000,
  };
  if (config.databaseUrl) {
    return {
      ...common,
      url: config.databaseUrl,
      extra: { max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, application_name: 'nexus' },
    };
  }
  if (!embedded) throw new Error('Embedded mode needs an EmbeddedPostgres instance');
  return { ...common, extra: embedded.poolOptions() };
}
