import { PreparedQueries } from '@nexus/core';
import { DataSource, QueryFailedError } from 'typeorm';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PGlite is a single Postgres session. Without serialisation, two concurrent TypeORM
 * transactions interleave on it: T2's ROLLBACK undoes T1's committed UPDATE. These tests fail
 * whenever transactions are not given exclusive use of the session (e.g. a pool of more than
 * one client on PGlite, or a driver that shares the session between callers).
 */
describe.each(testModes())('transactions under concurrency (%s mode)', (mode) => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp(mode, { listen: false });
    db = t.app.get(DataSource);
    await db.query('CREATE TABLE tx_counter (id int PRIMARY KEY, v int NOT NULL)');
  });
  afterAll(() => t?.close());
  beforeEach(() => db.query('TRUNCATE tx_counter; INSERT INTO tx_counter VALUES (1, 0)'));

  /** A transaction that adds 100, stays open ~40 ms, then rolls back. */
  const addHundredThenRollBack = () =>
    db
      .transaction(async (em) => {
        await em.query('UPDATE tx_counter SET v = v + 100 WHERE id = 1');
        await sleep(40);
        throw new Error('rollback');
      })
      .catch(() => undefined);

  const value = async () =>
    (await db.query('SELECT v FROM tx_counter WHERE id = 1'))[0].v as number;

  it("a rolled-back transaction does not undo another transaction's committed write", async () => {
    const t1 = db.transaction(async (em) => {
      await em.query('UPDATE tx_counter SET v = v + 1 WHERE id = 1');
      await sleep(50); // T2 starts while T1 is open
    });
    const t2 = (async () => {
      await sleep(10);
      await db
        .transaction(async (em) => {
          await em.query('UPDATE tx_counter SET v = v + 100 WHERE id = 1');
          throw new Error('rollback');
        })
        .catch(() => undefined);
    })();
    await Promise.all([t1, t2]);
    expect(await value()).toBe(1);
  });

  it('a plain write made while a transaction is open survives its rollback', async () => {
    const tx = addHundredThenRollBack();
    await sleep(10);
    await db.query('UPDATE tx_counter SET v = v + 1 WHERE id = 1');
    await tx;
    expect(await value()).toBe(1);
  });

  it('many concurrent read-modify-write transactions lose no update', async () => {
    const n = 40;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        db.transaction(async (em) => {
          const [{ v }] = await em.query('SELECT v FROM tx_counter WHERE id = 1 FOR UPDATE');
          if (i % 3 === 0) await sleep(1);
          await em.query('UPDATE tx_counter SET v = $1 WHERE id = 1', [v + 1]);
        }),
      ),
    );
    expect(await value()).toBe(n);
  });

  it('a prepared statement never sees the write of a transaction that rolls back', async () => {
    const prepared = t.app.get(PreparedQueries);
    const tx = addHundredThenRollBack();
    await sleep(10);
    const read = (sql: string) => prepared.query<{ v: number }>(sql, [1]);
    const sql = 'SELECT v FROM tx_counter WHERE id = $1';
    // Embedded: waits for the session (after the rollback); full: reads the committed row.
    expect((await read(sql))[0].v).toBe(0);
    await tx;
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
