import 'reflect-metadata';
import { contentMigrations } from '@nexus/content';
import { coreMigrations, EmbeddedPostgres, loadConfig, typeOrmOptions } from '@nexus/core';
import { notificationsMigrations } from '@nexus/notifications';
import { securityAnalyticsMigrations } from '@nexus/security-analytics';
import { usersMigrations } from '@nexus/users';
import { DataSource } from 'typeorm';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:*`), built from the same configuration
 * and migrations as the app: DATABASE_URL, or the embedded PGlite in DATA_DIR.
 */
async function createDataSource(): Promise<DataSource> {
  const config = loadConfig(process.env, { dbMigrate: false });
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.open(config.dataDir);
  return new DataSource(
    typeOrmOptions(
      config,
      [
        ...coreMigrations,
        ...usersMigrations,
        ...contentMigrations,
        ...notificationsMigrations,
        ...securityAnalyticsMigrations,
      ],
      embedded,
    ),
  );
}

export const dataSource = createDataSource();
