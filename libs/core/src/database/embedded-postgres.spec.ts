import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { Worker } from 'node:worker_threads';
import { EmbeddedPostgres } from './embedded-postgres';

describe('EmbeddedPostgres', () => {
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
    const { rows } = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
    expect(rows[0].shared_buffers).toBe('32MB');
    await db.exec('CREATE TABLE t (id int); INSERT INTO t VALUES (1)');
    await db.close();
    // Reopened: the same database, not a new one.
    db = await EmbeddedPostgres.open(dataDir);
    const again = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    expect(again.rows).toEqual([{ n: 1 }]);
  });

  it('serves node-postgres over its thread: parameters, errors with their SQLSTATE, a session that goes on', async () => {
    db = await EmbeddedPostgres.open(dataDir);
    const pool = new Pool(db.poolOptions());
    try {
      const sum = await pool.query<{ n: number }>('SELECT $1::int + $2::int AS n', [40, 2]);
      expect(sum.rows).toEqual([{ n: 42 }]);
      await expect(pool.query('SELECT * FROM no_such_table')).rejects.toMatchObject({
        code: '42P01',
      });
      // A transaction and a COPY from a blob in it (what the request log does).
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('CREATE TABLE c (a int, b text)');
        await db.query(`COPY c (a, b) FROM '/dev/blob'`, [], { blob: '1\tone\n2\t\\N\n' });
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      const copied = await pool.query('SELECT a, b FROM c ORDER BY a');
      expect(copied.rows).toEqual([
        { a: 1, b: 'one' },
        { a: 2, b: null },
      ]);
    } finally {
      await pool.end();
    }
  });

  it('refuses a query after it closed instead of leaving it waiting', async () => {
    db = await EmbeddedPostgres.open(dataDir);
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/exited/);
  });

  it('refuses a request it cannot send, keeps nothing of it pending, and goes on', async () => {
    db = await EmbeddedPostgres.open(dataDir);
    await expect(db.query('SELECT $1::int AS n', [() => 1])).rejects.toThrow(/could not be cloned/);
    expect((db as unknown as { pending: Map<number, unknown> }).pending.size).toBe(0);
    expect((await db.query<{ n: number }>('SELECT 1::int AS n')).rows).toEqual([{ n: 1 }]);
  });

  it('fails the query in flight when its thread dies, and every later one', async () => {
    db = await EmbeddedPostgres.open(dataDir);
    const running = db.query('SELECT pg_sleep(30)');
    const thread = (db as unknown as { worker: Worker }).worker;
    await thread.terminate();
    await expect(running).rejects.toThrow(/thread exited/);
    await expect(db.query('SELECT 1')).rejects.toThrow(/thread exited/);
  });
});
