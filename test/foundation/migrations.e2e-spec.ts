import { contentMigrations } from '@nexus/content';
import { coreMigrations as core, loadConfig, runMigrations, typeOrmOptions } from '@nexus/core';
import { usersMigrations } from '@nexus/users';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { fullModeAvailable } from '../support/modes';

const coreMigrations = [...core, ...usersMigrations, ...contentMigrations];
const describeFull = fullModeAvailable() ? describe : describe.skip;

describeFull('migrations on PostgreSQL', () => {
  let database: TestDatabase;
  let url: URL;

  beforeAll(async () => {
    database = await createTestDatabase(`nexus_mig_${randomBytes(5).toString('hex')}`);
    url = new URL(database.url);
  });
  afterAll(() => database?.drop());

  it('two processes migrating at once apply each migration exactly once (advisory lock)', async () => {
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'nexus-mig-')),
      DATABASE_URL: url.toString(),
      JWT_SECRET: 'x'.repeat(40),
    });
    const sources = [0, 1, 2].map(() => new DataSource(typeOrmOptions(config, coreMigrations)));
    await Promise.all(sources.map((s) => s.initialize()));
    try {
      const applied = await Promise.all(sources.map((s) => runMigrations(s, config)));
      expect(applied.flat().sort()).toEqual(coreMigrations.map((m) => m.name).sort());
      const rows = await sources[0].query('SELECT name FROM migrations');
      expect(rows).toHaveLength(coreMigrations.length);
      // A second run has nothing to do.
      expect(await runMigrations(sources[1], config)).toEqual([]);
      // And revert works (down migrations exist).
      await sources[0].undoLastMigration({ transaction: 'each' });
      expect(await sources[0].query('SELECT name FROM migrations')).toHaveLength(
        coreMigrations.length - 1,
      );
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
