import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from './embedded-postgres';

describe('EmbeddedPostgres.open', () => {
  let dataDir: string;
  let db: EmbeddedPostgres | undefined;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'nexus-embedded-spec-'))));
  afterEach(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a new database from the template, with the small shared buffers', async () => {
    db = await EmbeddedPostgres.open(dataDir);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    const { rows } = await db.pglite.query<{ shared_buffers: string }>('SHOW shared_buffers');
    expect(rows[0].shared_buffers).toBe('32MB');
    await db.pglite.exec('CREATE TABLE t (id int); INSERT INTO t VALUES (1)');
    await db.close();
    // Reopened: the same database, not a new one.
    db = await EmbeddedPostgres.open(dataDir);
    const again = await db.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    expect(again.rows).toEqual([{ n: 1 }]);
  });
});
