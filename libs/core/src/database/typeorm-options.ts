import type { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { SafeTypeOrmLogger } from './typeorm-logger';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationList = MixedList<Function>;

/**
 * The one place TypeORM is configured; the same migrations serve both modes. No entities: the
 * schema is hand-written SQL and repositories run SQL with typed rows (docs/core.md, Database).
 */
export function typeOrmOptions(
  config: AppConfig,
  migrations: MigrationList,
  embedded?: EmbeddedPostgres,
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    // gen_random_uuid() is core since Postgres 13; PGlite ships no uuid-ossp.
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
    synchronize: false,
    migrations,
    // Run by runMigrations() under an advisory lock, not by TypeORM at initialisation.
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    logging:
      config.logLevel === 'trace'
        ? ('all' as const)
        : (['error', 'warn', 'migration'] as ('error' | 'warn' | 'migration')[]),
    logger: new SafeTypeOrmLogger(config.logLevel === 'trace'),
    maxQueryExecutionTime: 1000,
  };
  if (config.databaseUrl) {
    return {
      ...common,
      url: config.databaseUrl,
      extra: {
        max: 10,
        connectionTimeoutMillis: 5000,
        idleTimeoutMillis: 30_000,
        application_name: 'nexus',
      },
    };
  }
  if (!embedded) throw new Error('Embedded mode needs an EmbeddedPostgres instance');
  return { ...common, extra: embedded.poolOptions() };
}

/** Arbitrary, fixed key of the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 7_140_551_001;

/**
 * Applies pending migrations (each in its own transaction). On PostgreSQL the run holds an
 * advisory lock, so several api replicas started with DB_MIGRATE=true migrate one after the
 * other instead of racing on the same DDL. Embedded mode is one process: no lock needed.
 */
export async function runMigrations(
  dataSource: DataSource,
  config: Pick<AppConfig, 'databaseUrl'>,
): Promise<string[]> {
  if (!config.databaseUrl)
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
