import { PreparedQueries } from '@nexus/core';
import { Client, Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { testModes } from '../support/modes';
import { deferred, settled, waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * PGlite is a single Postgres session. Without serialisation, two concurrent TypeORM
 * transactions interleave on it: T2's ROLLBACK undoes T1's committed UPDATE. These tests fail
 * whenever transactions are not given exclusive use of the session (e.g. a pool of more than
 * one client on PGlite, or a driver that shares the session between callers). Each race holds
 * the first transaction open on a barrier until the others are observed waiting behind it, so
 * none can pass without the interleaving it is about.
 */
describe.each(testModes())('transactions under concurrency (%s mode)', (mode) => {
  let t: TestApp;
  let db: DataSource;
  // Full mode: a connection outside the app's pool, so it can look while the pool is exhausted.
  let monitor: Client | undefined;

  beforeAll(async () => {
    t = await startTestApp(mode, { listen: false });
    db = t.app.get(DataSource);
    await db.query('CREATE TABLE tx_counter (id int PRIMARY KEY, v int NOT NULL)');
    if (mode === 'full') {
      monitor = new Client({ connectionString: t.config.databaseUrl });
      await monitor.connect();
    }
  });
  afterAll(async () => {
    await monitor?.end();
    await t?.close();
  });
  beforeEach(() => db.query('TRUNCATE tx_counter; INSERT INTO tx_counter VALUES (1, 0)'));

  /**
   * Callers held back by an open transaction: waiting for a pooled connection (embedded: for the
   * one session) plus, in full mode, backends of this database waiting for a row lock.
   */
  const blocked = async (): Promise<number> => {
    const waiting = ((db.driver as PostgresDriver).master as Pool).waitingCount;
    if (!monitor) return waiting;
    const { rows } = await monitor.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return waiting + rows[0].n;
  };
  /** Resolves once `n` callers wait behind the open transaction, or once `others` settle. */
  const blockedOrDone = (n: number, others: Promise<unknown>) =>
    Promise.race([
      waitUntil(async () => (await blocked()) >= n, { what: `${n} blocked caller(s)` }),
      others,
    ]);

  /** A transaction that adds 100 and stays open until released, then rolls back. */
  const holdOpenThenRollBack = () => {
    const opened = deferred();
    const release = deferred();
    const done = db
      .transaction(async (em) => {
        await em.query('UPDATE tx_counter SET v = v + 100 WHERE id = 1');
        opened.resolve();
        await release.promise;
        throw new Error('rollback');
      })
      .catch(() => undefined);
    return { opened: opened.promise, release: () => release.resolve(), done };
  };

  const value = async () =>
    (await db.query('SELECT v FROM tx_counter WHERE id = 1'))[0].v as number;

  it("a rolled-back transaction does not undo another transaction's committed write", async () => {
    const t1Open = deferred();
    const t1Release = deferred();
    const t1 = db.transaction(async (em) => {
      await em.query('UPDATE tx_counter SET v = v + 1 WHERE id = 1');
      t1Open.resolve();
      await t1Release.promise;
    });
    await t1Open.promise;
    const t2 = db
      .transaction(async (em) => {
        await em.query('UPDATE tx_counter SET v = v + 100 WHERE id = 1');
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const t2Done = settled(t2);
    await blockedOrDone(1, t2);
    // T2 was issued while T1 was open and is still in flight: the race is running.
    expect(t2Done()).toBe(false);
    t1Release.resolve();
    await Promise.all([t1, t2]);
    expect(await value()).toBe(1);
  });

  it('a plain write made while a transaction is open survives its rollback', async () => {
    const tx = holdOpenThenRollBack();
    await tx.opened;
    const write = db.query('UPDATE tx_counter SET v = v + 1 WHERE id = 1');
    const writeDone = settled(write);
    await blockedOrDone(1, write);
    expect(writeDone()).toBe(false);
    tx.release();
    await Promise.all([tx.done, write]);
    expect(await value()).toBe(1);
  });

  it('many concurrent read-modify-write transactions lose no update', async () => {
    const n = 40;
    const holding = deferred();
    const release = deferred();
    let holder: number | undefined;
    let reads = 0;
    const all = Promise.all(
      Array.from({ length: n }, (_, i) =>
        db.transaction(async (em) => {
          const [{ v }] = await em.query('SELECT v FROM tx_counter WHERE id = 1 FOR UPDATE');
          reads++;
          // The first to read holds its row until every other transaction waits behind it.
          if (holder === undefined) {
            holder = i;
            holding.resolve();
            await release.promise;
          }
          await em.query('UPDATE tx_counter SET v = $1 WHERE id = 1', [v + 1]);
        }),
      ),
    );
    await holding.promise;
    try {
      await blockedOrDone(n - 1, all);
      // The app's own background work (outbox poller, request-log writer) may wait for a pooled
      // connection too, so the count can be higher; none of the others has read the row.
      expect(await blocked()).toBeGreaterThanOrEqual(n - 1);
      expect(reads).toBe(1);
    } finally {
      release.resolve();
    }
    await all;
    expect(await value()).toBe(n);
  });

  it('a prepared statement never sees the write of a transaction that rolls back', async () => {
    const prepared = t.app.get(PreparedQueries);
    const read = (sql: string) => prepared.query<{ v: number }>(sql, [1]);
    const sql = 'SELECT v FROM tx_counter WHERE id = $1';
    const tx = holdOpenThenRollBack();
    await tx.opened;
    const first = read(sql);
    if (mode === 'full') {
      // Another connection reads the committed row while the write is still open.
      expect((await first)[0].v).toBe(0);
    } else {
      // One session: the read waits for the transaction to end.
      const firstDone = settled(first);
      await blockedOrDone(1, first);
      expect(firstDone()).toBe(false);
    }
    tx.release();
    await tx.done;
    expect((await first)[0].v).toBe(0);
    // The same named statement, executed again on a connection that prepared it.
    for (let i = 0; i < 7; i++) expect((await read(sql))[0].v).toBe(0);
  });

  it('a failing prepared statement rejects with QueryFailedError and leaves the pool usable', async () => {
    const prepared = t.app.get(PreparedQueries);
    await expect(
      prepared.query('SELECT * FROM no_such_table WHERE id = $1', [1]),
    ).rejects.toBeInstanceOf(QueryFailedError);
    await expect(
      prepared.query('SELECT v FROM tx_counter WHERE id = $1', ['not a number']),
    ).rejects.toThrow(/invalid input syntax/);
    expect(
      (await prepared.query<{ v: number }>('SELECT v FROM tx_counter WHERE id = $1', [1]))[0].v,
    ).toBe(0);
  });

  it('a failing statement inside a transaction leaves the session usable for others', async () => {
    await expect(
      db.transaction(async (em) => {
        await em.query('UPDATE tx_counter SET v = v + 5 WHERE id = 1');
        await em.query('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await value()).toBe(0);
    await db.query('UPDATE tx_counter SET v = v + 1 WHERE id = 1');
    expect(await value()).toBe(1);
  });
});
