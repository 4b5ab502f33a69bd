import { DataSource } from 'typeorm';
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

  const value = async () => (await db.query('SELECT v FROM tx_counter WHERE id = 1'))[0].v as number;

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
    const tx = db
      .transaction(async (em) => {
        await em.query('UPDATE tx_counter SET v = v + 100 WHERE id = 1');
        await sleep(40);
        throw new Error('rollback');
      })
      .catch(() => undefined);
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
