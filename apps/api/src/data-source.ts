import 'reflect-metadata';
import { ContentModule, contentMigrations } from '@nexus/content';
import { coreMigrations, EmbeddedPostgres, loadConfig, typeOrmOptions } from '@nexus/core';
import { UsersModule, usersMigrations } from '@nexus/users';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

// The modules are imported so that their entity files are part of the build this file is in.
void [UsersModule, ContentModule];

/**
 * The DataSource of the TypeORM CLI (`npm run migration:*`), built from the same configuration,
 * entities and migrations as the app: DATABASE_URL, or the embedded PGlite in DATA_DIR.
 */
async function createDataSource(): Promise<DataSource> {
  const config = loadConfig(process.env, { dbMigrate: false });
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.open(config.dataDir);
  return new DataSource(
    typeOrmOptions(
      config,
      [...coreMigrations, ...usersMigrations, ...contentMigrations],
      embedded,
      [join(__dirname, '../../../libs/*/src/**/*.entity.js')],
    ),
  );
}

export const dataSource = createDataSource();
