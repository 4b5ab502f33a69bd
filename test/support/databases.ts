import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  /** TEST_DATABASE_URL with this database's name. */
  url: string;
  /** Drops the database, ending the sessions still connected to it. */
  drop(): Promise<void>;
}

/** Runs `sql` on TEST_DATABASE_URL's own database (database-level statements). */
async function admin(...statements: string[]): Promise<void> {
  const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    for (const sql of statements) await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * A fresh, empty database on TEST_DATABASE_URL's server (full mode). A fixed `name` left over from
 * an interrupted run is dropped first.
 */
export async function createTestDatabase(
  name = `nexus_t_${randomBytes(6).toString('hex')}`,
): Promise<TestDatabase> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
