import type { Client } from 'pg';
import { waitUntil } from './sync';

export interface UpdateHold {
  /** The backends waiting on the hold, once at least one is. */
  waiting(options: { what: string; timeoutMs?: number }): Promise<number[]>;
  /**
   * Ends `backends` (a killed process's transaction must never commit: its backend lives on until
   * it notices), removes the trigger and lifts the hold.
   */
  release(backends: number[]): Promise<void>;
}

/**
 * Holds a process under test at a chosen statement instead of guessing when it gets there: a
 * trigger (created in the test's own database through `db`) makes each UPDATE of `table` for which
 * `when` holds (a PL/pgSQL condition on OLD and NEW) wait on an advisory lock `db` holds.
 */
export async function holdUpdates(
  db: Client,
  { key, table, when = 'true' }: { key: number; table: string; when?: string },
): Promise<UpdateHold> {
  const fn = `test_hold_${table}`;
  await db.query(`SELECT pg_advisory_lock(${key})`);
  await db.query(`
    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${when} THEN PERFORM pg_advisory_xact_lock(${key}); END IF;
      RETURN NEW;
    END $$`);
  await db.query(`
    CREATE TRIGGER ${fn} BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  return {
    waiting: ({ what, timeoutMs }) =>
      waitUntil(
        async () => {
          const { rows } = await db.query<{ pid: number }>(
            `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()
                AND l.objid = ${key}`,
          );
          return rows.length ? rows.map((r) => r.pid) : undefined;
        },
        { what, timeoutMs },
      ),
    async release(backends) {
      for (const pid of backends) await db.query('SELECT pg_terminate_backend($1)', [pid]);
      await db.query(`DROP TRIGGER ${fn} ON ${table}`);
      await db.query(`DROP FUNCTION ${fn}()`);
      await db.query(`SELECT pg_advisory_unlock(${key})`);
    },
  };
}
