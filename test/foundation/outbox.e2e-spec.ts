import { Injectable, Module } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEventMeta, DomainEvents, OutboxRelay, OutboxRepository } from '@nexus/core';
import { DataSource } from 'typeorm';
import { testModes } from '../support/modes';
import { deferred, settled, waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

declare module '@nexus/core/events/domain-events' {
  interface DomainEventMap {
    'test.outbox.noted': { key: string; n: number };
    'test.outbox.flaky': { key: string };
    'test.outbox.held': { key: string };
  }
}

interface Call {
  app: string;
  listener: string;
  payload: { key: string; n?: number };
  meta: DomainEventMeta;
}

/** Every listener call of every app of this file, in order. */
const calls: Call[] = [];
/** How many more calls of `FlakyListener` fail, per payload key. */
const failuresLeft = new Map<string, number>();
const callsOf = (key: string, listener?: string) =>
  calls.filter((c) => c.payload.key === key && (!listener || c.listener === listener));

@Injectable()
class NotedListener {
  static app = 'a';
  private readonly app = NotedListener.app;

  @OnEvent('test.outbox.noted')
  onNoted(payload: { key: string; n: number }, meta: DomainEventMeta): void {
    calls.push({ app: this.app, listener: 'noted', payload, meta });
  }
}

@Injectable()
class FlakyListener {
  private readonly app = NotedListener.app;

  @OnEvent('test.outbox.noted')
  @OnEvent('test.outbox.flaky')
  onEvent(payload: { key: string }, meta: DomainEventMeta): void {
    calls.push({ app: this.app, listener: 'flaky', payload, meta });
    const left = failuresLeft.get(payload.key) ?? 0;
    if (left > 0) {
      failuresLeft.set(payload.key, left - 1);
      throw new Error(`flaky listener fails (${left} left)`);
    }
  }
}

/** Holds each call until the test releases it (`held`), and records when it entered and left. */
@Injectable()
class HeldListener {
  static entered = deferred();
  static release = deferred();
  static log: string[] = [];

  @OnEvent('test.outbox.held')
  async onHeld(payload: { key: string }): Promise<void> {
    HeldListener.log.push(`entered ${payload.key}`);
    HeldListener.entered.resolve();
    await HeldListener.release.promise;
    HeldListener.log.push(`left ${payload.key}`);
  }
}

@Module({ providers: [NotedListener, FlakyListener, HeldListener] })
class OutboxFixtureModule {}

const FAST = { OUTBOX_POLL_MS: '20', OUTBOX_BACKOFF_MS: '50' };

describe.each(testModes())('transactional outbox (%s mode)', (mode) => {
  let t: TestApp;
  let events: DomainEvents;
  let db: DataSource;
  let key = 0;
  const nextKey = () => `${mode}-${++key}-${Date.now()}`;

  beforeAll(async () => {
    NotedListener.app = 'a';
    t = await startTestApp(mode, { listen: false, env: FAST, imports: [OutboxFixtureModule] });
    events = t.app.get(DomainEvents);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  const row = async (id: string) => t.app.get(OutboxRepository).findById(id);

  it('delivers an event written in a transaction after the commit, before the caller goes on, with the row id as eventId', async () => {
    const k = nextKey();
    const staged = await events.transaction(async (em) => {
      await em.query('SELECT 1');
      const s = await events.emitInTransaction(
        em,
        'test.outbox.noted',
        { key: k, n: 1 },
        { aggregateId: k },
      );
      // Not yet committed: nobody has heard of it.
      expect(callsOf(k)).toHaveLength(0);
      return s;
    });
    // transaction() resolved after the listeners ran (the fast path), not on a later poll.
    expect(callsOf(k, 'noted')).toHaveLength(1);
    const [call] = callsOf(k, 'noted');
    expect(call.payload).toEqual({ key: k, n: 1 });
    expect(call.meta.eventId).toBe(staged.eventId);
    expect(call.meta.name).toBe('test.outbox.noted');
    expect(call.meta.occurredAt).toBeInstanceOf(Date);
    // The row is marked delivered once its listeners have run (by the fast path or, when the
    // relay's poll claimed it first, by the relay): waited for, not raced.
    const stored = await waitUntil(
      async () => {
        const r = await row(staged.eventId);
        return r?.deliveredAt ? r : undefined;
      },
      { what: 'the outbox row marked delivered' },
    );
    expect(stored.aggregateId).toBe(k);
  });

  it("answers after the listeners when the relay's poll leased the event between the commit and the fast path", async () => {
    const k = nextKey();
    const relay = t.app.get(OutboxRelay);
    const repository = t.app.get(OutboxRepository);
    HeldListener.entered = deferred();
    HeldListener.release = deferred();
    HeldListener.log = [];
    // The race, made to happen: the fast path's claim of the aggregate's head runs only after a
    // poll of the relay has leased the event in the database, and the poll learns of its lease
    // (the claim's answer) only after the fast path's claim has failed.
    const claimHead = repository.claimHead.bind(repository);
    const claimDue = repository.claimDue.bind(repository);
    const polled = deferred();
    const fastPathClaimed = deferred();
    const spies = [
      jest.spyOn(repository, 'claimDue').mockImplementation(async (...args) => {
        const rows = await claimDue(...args);
        if (rows.some((r) => r.aggregateId === k)) {
          polled.resolve();
          await fastPathClaimed.promise;
          // A turn of the event loop: whatever the fast path does next without waiting is done.
          await new Promise((resolve) => setImmediate(resolve));
        }
        return rows;
      }),
      jest.spyOn(repository, 'claimHead').mockImplementation(async (aggregateId, leaseMs) => {
        if (aggregateId !== k) return claimHead(aggregateId, leaseMs);
        void relay.drain();
        await polled.promise;
        const head = await claimHead(aggregateId, leaseMs);
        fastPathClaimed.resolve();
        return head;
      }),
    ];
    try {
      const write = events.transaction((em) =>
        events.emitInTransaction(em, 'test.outbox.held', { key: k }, { aggregateId: k }),
      );
      const answered = settled(write);
      await HeldListener.entered.promise;
      // One turn of the event loop: an answer that did not wait for the poll's delivery is out.
      await new Promise((resolve) => setImmediate(resolve));
      expect({ answered: answered(), log: HeldListener.log }).toEqual({
        answered: false,
        log: [`entered ${k}`],
      });
      HeldListener.release.resolve();
      await write;
      expect(HeldListener.log).toEqual([`entered ${k}`, `left ${k}`]);
    } finally {
      for (const spy of spies) spy.mockRestore();
      fastPathClaimed.resolve();
      HeldListener.release.resolve();
    }
  });

  it('writes nothing and calls nobody when the transaction rolls back', async () => {
    const k = nextKey();
    let eventId = '';
    await expect(
      events.transaction(async (em) => {
        eventId = (await events.emitInTransaction(em, 'test.outbox.noted', { key: k, n: 1 }))
          .eventId;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(eventId).not.toBe('');
    expect(await row(eventId)).toBeUndefined();
    expect(callsOf(k)).toHaveLength(0);
  });

  it('the relay delivers an event whose writer never delivered it (the crash case, in-process)', async () => {
    const k = nextKey();
    // A plain transaction: the event is committed but nothing delivers it right away.
    const staged = await db.transaction((em) =>
      events.emitInTransaction(em, 'test.outbox.noted', { key: k, n: 2 }),
    );
    await waitUntil(() => callsOf(k, 'noted').length > 0, { what: 'relay delivery' });
    expect(callsOf(k, 'noted').map((c) => c.meta.eventId)).toEqual([staged.eventId]);
    await waitUntil(async () => (await row(staged.eventId))?.deliveredAt, {
      what: 'row marked delivered',
    });
  });

  it('calls a listener that fails twice until it succeeds, with the same eventId, and its fellow listener once', async () => {
    const k = nextKey();
    failuresLeft.set(k, 2);
    const staged = await events.transaction((em) =>
      events.emitInTransaction(em, 'test.outbox.noted', { key: k, n: 3 }, { aggregateId: k }),
    );
    // The fast path ran both; the flaky one failed and is retried by the relay with backoff.
    expect(callsOf(k, 'flaky')).toHaveLength(1);
    // The failure is recorded on the row once the listeners have settled: waited for, not raced.
    const failed = await waitUntil(
      async () => {
        const r = await row(staged.eventId);
        return r?.lastError ? r : undefined;
      },
      { what: 'the failure recorded on the outbox row' },
    );
    expect(failed!.deliveredAt).toBeNull();
    expect(failed!.lastError).toMatch(/FlakyListener\.onEvent: flaky listener fails/);
    expect(failed!.doneListeners).toEqual(['NotedListener.onNoted']);

    await waitUntil(async () => (await row(staged.eventId))?.deliveredAt, {
      what: 'delivered after the retries',
    });
    const flaky = callsOf(k, 'flaky');
    expect(flaky).toHaveLength(3);
    expect(new Set(flaky.map((c) => c.meta.eventId))).toEqual(new Set([staged.eventId]));
    // The listener that succeeded the first time is not called again.
    expect(callsOf(k, 'noted')).toHaveLength(1);
    expect((await row(staged.eventId))!.attempts).toBe(3);
  });

  it('keeps the order of one aggregate: a later event waits for an earlier failing one; other aggregates do not', async () => {
    const k = nextKey();
    const other = nextKey();
    // Fails until released below, so no retry can slip in while the test looks.
    failuresLeft.set(k, 1_000_000);
    const first = await events.transaction((em) =>
      events.emitInTransaction(em, 'test.outbox.flaky', { key: k }, { aggregateId: 'agg-' + k }),
    );
    expect(callsOf(k)).toHaveLength(1);
    // The aggregate's head is undelivered: the fast path must not overtake it.
    const second = await events.transaction((em) =>
      events.emitInTransaction(
        em,
        'test.outbox.noted',
        { key: k, n: 2 },
        { aggregateId: 'agg-' + k },
      ),
    );
    expect(callsOf(k, 'noted')).toHaveLength(0);
    // Another aggregate is not held up.
    await events.transaction((em) =>
      events.emitInTransaction(
        em,
        'test.outbox.noted',
        { key: other, n: 1 },
        { aggregateId: other },
      ),
    );
    expect(callsOf(other, 'noted')).toHaveLength(1);

    failuresLeft.set(k, 0);
    await waitUntil(async () => (await row(second.eventId))?.deliveredAt, {
      what: 'both delivered',
    });
    const ids = callsOf(k).map((c) => c.meta.eventId);
    // Every call for the first event (failures, then the success) before any for the second.
    const firstCalls = ids.filter((id) => id === first.eventId).length;
    expect(firstCalls).toBeGreaterThanOrEqual(2);
    expect(ids).toEqual([
      ...Array<string>(firstCalls).fill(first.eventId),
      second.eventId,
      second.eventId,
    ]);
  });

  it('prunes delivered rows older than the retention, never undelivered ones', async () => {
    const k = nextKey();
    const delivered = await events.transaction((em) =>
      events.emitInTransaction(em, 'test.outbox.noted', { key: k, n: 1 }),
    );
    failuresLeft.set(k, 1_000_000);
    const stuck = await events.transaction((em) =>
      events.emitInTransaction(em, 'test.outbox.flaky', { key: k }),
    );
    await db.query(
      `UPDATE outbox_events SET delivered_at = now() - interval '2 hours', occurred_at = now() - interval '2 hours' WHERE id = $1`,
      [delivered.eventId],
    );
    await db.query(
      `UPDATE outbox_events SET occurred_at = now() - interval '2 hours' WHERE id = $1`,
      [stuck.eventId],
    );
    const pruned = await t.app.get(OutboxRepository).pruneDelivered(3_600_000);
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await row(delivered.eventId)).toBeUndefined();
    expect(await row(stuck.eventId)).toBeDefined();
    failuresLeft.set(k, 0);
    await waitUntil(async () => (await row(stuck.eventId))?.deliveredAt, {
      what: 'stuck delivered',
    });
  });

  it('reports pending events and deliveries in /metrics', async () => {
    const k = nextKey();
    failuresLeft.set(k, 1_000_000);
    const stuck = await events.transaction((em) =>
      events.emitInTransaction(em, 'test.outbox.flaky', { key: k }),
    );
    await db.query(
      `UPDATE outbox_events SET occurred_at = now() - interval '90 seconds' WHERE id = $1`,
      [stuck.eventId],
    );
    const body = (await t.inject('/metrics')).body;
    expect(Number(/^nexus_outbox_pending (\d+)/m.exec(body)?.[1])).toBeGreaterThanOrEqual(1);
    expect(
      Number(/^nexus_outbox_oldest_pending_seconds ([\d.]+)/m.exec(body)?.[1]),
    ).toBeGreaterThanOrEqual(90);
    const delivered = Number(/^nexus_outbox_delivered_total (\d+)/m.exec(body)?.[1]);
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThanOrEqual(t.app.get(OutboxRelay).delivered);
    failuresLeft.set(k, 0);
    await waitUntil(async () => (await row(stuck.eventId))?.deliveredAt, { what: 'delivered' });
  });
});

(testModes().includes('full') ? describe : describe.skip)(
  'transactional outbox: two api instances (full mode)',
  () => {
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      NotedListener.app = 'a';
      a = await startTestApp('full', { listen: false, env: FAST, imports: [OutboxFixtureModule] });
      NotedListener.app = 'b';
      b = await startTestApp('full', {
        listen: false,
        env: FAST,
        shareWith: a,
        imports: [OutboxFixtureModule],
      });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    it('share the undelivered rows between their relays instead of each delivering every row', async () => {
      const k = `shared-${Date.now()}`;
      const total = 300;
      // Committed without the fast path, all at once: both pollers compete for the same rows.
      await a.app.get(DataSource).transaction(async (em) => {
        const ev = a.app.get(DomainEvents);
        for (let n = 0; n < total; n++)
          await ev.emitInTransaction(em, 'test.outbox.noted', { key: k, n });
      });
      await waitUntil(() => new Set(callsOf(k, 'noted').map((c) => c.payload.n)).size === total, {
        what: 'every event delivered',
        timeoutMs: 30_000,
      });
      const noted = callsOf(k, 'noted');
      // Each event once: no instance delivered a row the other had claimed.
      expect(noted).toHaveLength(total);
      expect(new Set(noted.map((c) => c.meta.eventId)).size).toBe(total);
    });
  },
);
