import type { AppConfig, MetricsService } from '@nexus/core';
import { Registry } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import type { RollupIncrement } from '../rollups/rollups';
import type { RollupsRepository } from '../rollups/rollups.repository';
import type { RequestLogRepository } from './request-log.repository';
import { deferred } from '../../../../test/support/sync';
import { FIXTURE_T, logEntry } from '../../../../test/support/request-log-fixtures';
import type { RequestLogEntry } from './request-log.types';
import { RequestLogWriter } from './request-log.writer';

const entry = (i: number): RequestLogEntry =>
  logEntry({
    at: FIXTURE_T + i,
    ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
    requestId: `r${i}`,
  });

/** A writer over fakes that record, per transaction, the statements it ran and in what order. */
function setup(
  opts: {
    embedded?: boolean;
    bufferSize?: number;
    batchSize?: number;
    /** Rows the fake database refuses as PostgreSQL refuses a bad value (SQLSTATE 22P02). */
    refuses?: (e: RequestLogEntry) => boolean;
  } = {},
) {
  const events: string[] = [];
  const transactions: { log: RequestLogEntry[][]; rollups: RollupIncrement[][] }[] = [];
  let gate: Promise<void> | undefined;
  let failures = 0;
  const dataSource = {
    async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
      if (gate) await gate;
      const tx = { log: [] as RequestLogEntry[][], rollups: [] as RollupIncrement[][] };
      const em = { tx } as unknown as EntityManager;
      const result = await work(em);
      if (opts.refuses && tx.log.flat().some(opts.refuses))
        throw Object.assign(new Error('invalid input syntax for type inet'), { code: '22P02' });
      if (failures > 0) {
        failures--;
        throw new Error('connection refused');
      }
      transactions.push(tx);
      return result;
    },
  };
  const log = {
    async insertBatch(rows: RequestLogEntry[], em: EntityManager) {
      events.push(`log ${rows.length}`);
      (em as unknown as { tx: (typeof transactions)[0] }).tx.log.push(rows);
    },
  };
  const rollups = {
    async add(increments: RollupIncrement[], em: EntityManager) {
      events.push(`rollups ${increments.length}`);
      (em as unknown as { tx: (typeof transactions)[0] }).tx.rollups.push(increments);
    },
  };
  const registry = new Registry();
  const config = {
    databaseUrl: opts.embedded ? undefined : 'postgres://db/nexus',
    shutdownTimeoutMs: 1000,
    requestLog: {
      bufferSize: opts.bufferSize ?? 100,
      batchSize: opts.batchSize ?? 10,
      flushMs: 60_000,
    },
  } as unknown as AppConfig;
  const writer = new RequestLogWriter(
    config,
    dataSource as unknown as DataSource,
    log as unknown as RequestLogRepository,
    rollups as unknown as RollupsRepository,
    { registry } as unknown as MetricsService,
  );
  const metric = async (name: string) =>
    (await registry.getSingleMetric(name)!.get()).values[0]?.value ?? 0;
  return {
    writer,
    events,
    transactions,
    metric,
    hold: (p: Promise<void> | undefined) => (gate = p),
    failNext: (n: number) => (failures = n),
  };
}

describe('RequestLogWriter', () => {
  it('writes a batch as soon as it is full, one write at a time, rows and rollups in one transaction', async () => {
    const w = setup({ batchSize: 10 });
    const held = deferred();
    w.hold(held.promise);
    for (let i = 0; i < 25; i++) w.writer.record(entry(i));
    // The first full batch started a write; the second full batch waits for it.
    expect(w.writer.buffered).toBe(15);
    const flushed = w.writer.flush();
    w.hold(undefined);
    held.resolve();
    await flushed;
    expect(w.writer.buffered).toBe(0);
    expect(w.transactions.map((t) => t.log.flat().length)).toEqual([10, 10, 5]);
    for (const t of w.transactions)
      expect(t.rollups.flat().reduce((n, r) => n + r.requests, 0)).toBe(t.log.flat().length);
    expect(await w.metric('nexus_request_log_written_total')).toBe(25);
  });

  it('puts a failed batch back at the head of the buffer while there is room, and counts the rest as dropped', async () => {
    const w = setup({ bufferSize: 12, batchSize: 10 });
    const held = deferred();
    w.hold(held.promise);
    w.failNext(1);
    for (let i = 0; i < 10; i++) w.writer.record(entry(i)); // starts a write of rows 0..9
    for (let i = 10; i < 14; i++) w.writer.record(entry(i)); // buffered behind it
    w.hold(undefined);
    held.resolve();
    await w.writer.flush(); // the failed write returns; this flush writes what was kept
    // 4 rows arrived during the failed write: room for 8 of the 10 failed rows, the oldest first.
    expect(w.transactions.map((t) => t.log.flat().map((e) => e.requestId))).toEqual([
      ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r10', 'r11'],
      ['r12', 'r13'],
    ]);
    expect(await w.metric('nexus_request_log_dropped_total')).toBe(2);
    expect(await w.metric('nexus_request_log_written_total')).toBe(12);
  });

  it('isolates rows the database refuses for their data, drops only those, and writes the rest once', async () => {
    const bad = new Set(['r2', 'r5']);
    const w = setup({ batchSize: 8, refuses: (e) => bad.has(e.requestId!) });
    for (let i = 0; i < 10; i++) w.writer.record(entry(i));
    await w.writer.flush();
    const written = w.transactions.flatMap((t) => t.log.flat().map((e) => e.requestId));
    expect([...written].sort()).toEqual(['r0', 'r1', 'r3', 'r4', 'r6', 'r7', 'r8', 'r9']);
    expect(new Set(written).size).toBe(written.length);
    for (const t of w.transactions)
      expect(t.rollups.flat().reduce((n, r) => n + r.requests, 0)).toBe(t.log.flat().length);
    expect(await w.metric('nexus_request_log_dropped_total')).toBe(2);
    expect(await w.metric('nexus_request_log_written_total')).toBe(8);
    expect(w.writer.buffered).toBe(0);
  });

  it('puts back only the unwritten rows when the database fails while refused rows are isolated', async () => {
    const w = setup({ batchSize: 8, refuses: (e) => e.requestId === 'r1' });
    for (let i = 0; i < 8; i++) w.writer.record(entry(i));
    // The batch is refused; its first half is refused again; then the database goes away.
    w.failNext(0);
    const writes: string[][] = [];
    let calls = 0;
    const original = w.transactions.push.bind(w.transactions);
    w.transactions.push = (...txs) => {
      for (const t of txs) writes.push(t.log.flat().map((e) => e.requestId!));
      if (++calls === 1) w.failNext(1); // after the first chunk written: fail the next
      return original(...txs);
    };
    await w.writer.flush();
    // r0 written alone, r1 dropped, then the chunk r2..r3 failed: it and the chunk r4..r7 behind
    // it went back to the buffer together (had r2..r3 not failed, it would be a write of its own)
    // and the flush wrote them as one batch, each row once.
    expect(writes).toEqual([['r0'], ['r2', 'r3', 'r4', 'r5', 'r6', 'r7']]);
    expect(w.writer.buffered).toBe(0);
    expect(await w.metric('nexus_request_log_written_total')).toBe(7);
    expect(await w.metric('nexus_request_log_dropped_total')).toBe(1);
  });

  it('never holds more than its bound, and counts what it refuses', async () => {
    const w = setup({ bufferSize: 5, batchSize: 100 });
    const accepted = Array.from({ length: 8 }, (_, i) => w.writer.record(entry(i)));
    expect(accepted).toEqual([true, true, true, true, true, false, false, false]);
    expect(w.writer.buffered).toBe(5);
    expect(await w.metric('nexus_request_log_dropped_total')).toBe(3);
  });

  it.each([false, true])(
    'writes each batch with one statement per table (embedded: %s)',
    async (embedded) => {
      const w = setup({ embedded, batchSize: 2000, bufferSize: 5000 });
      for (let i = 0; i < 1200; i++) w.writer.record(entry(i));
      await w.writer.flush();
      expect(w.events).toEqual(['log 1200', 'rollups 1200']);
    },
  );
});
