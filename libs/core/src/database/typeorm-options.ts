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
        // Waiting for a pooled connection, or for a new one to be established.
        connectionTimeoutMillis: config.dbPoolAcquireTimeoutMs,
        idleTimeoutMillis: 30_000,
        application_name: 'nexus',
        // The server cancels a statement past this; the client gives up a second later on a
        // server that stopped answering altogether (then the request gets a 503).
        statement_timeout: config.dbStatementTimeoutMs,
        query_timeout: config.dbStatementTimeoutMs + 1000,
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
    // Polled rather than waited for in one statement, which the statement time-out would cancel
    // while another process migrates.
    while (
      !(
        (await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY])) as {
          locked: boolean;
        }[]
      )[0].locked
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
