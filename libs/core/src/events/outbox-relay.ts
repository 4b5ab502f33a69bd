import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { EVENT_LISTENER_METADATA } from '@nestjs/event-emitter/dist/constants';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { errorText } from '../util/error-text';
import { OutboxEvent, OutboxRepository } from './outbox.repository';

/** Whether this process delivers outbox events (the one composing the modules' listeners). */
export const OUTBOX_RELAY_ENABLED = Symbol('OUTBOX_RELAY_ENABLED');

/** An event written to the outbox in a transaction, not necessarily delivered yet. */
export interface StagedEvent {
  readonly eventId: string;
  readonly name: string;
  readonly aggregateId: string | null;
}

interface Listener {
  /** `Class.method`: what a row records as done, so a retry skips listeners that succeeded. */
  key: string;
  call(payload: unknown, meta: unknown): Promise<unknown>;
}

/** A relay that died mid-delivery leaves its rows leased this long before another takes them. */
const LEASE_MS = 60_000;
const BATCH = 100;
/** How many events of one aggregate a fast path delivers at most before leaving the rest. */
const FAST_PATH_RUN = 100;
const MAX_BACKOFF_MS = 10 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Delivers the outbox (`outbox_events`) to the `@OnEvent` methods of this process's providers,
 * at least once and in order per aggregate: right after the writer's commit (fast path), and by
 * a poller for whatever a crash, a failed listener or another process left behind. Each listener
 * is called directly (not through EventEmitter2, whose `@OnEvent` wrapper swallows errors), so a
 * failure is seen, recorded and retried with backoff for that listener only.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly listeners = new Map<string, Listener[]>();
  private readonly staged = new WeakMap<EntityManager, StagedEvent[]>();
  /** Per aggregate, the tail of this process's deliveries: one at a time, in order. */
  private readonly aggregateTails = new Map<string, Promise<void>>();
  /**
   * Events the poller of this process has leased, until their delivery attempt ends: a fast path
   * whose event the poller took between the commit and the fast path's claim waits for it, so the
   * write still answers after its listeners.
   */
  private readonly leased = new Map<string, Promise<void>>();
  /** Claims in progress: their rows are leased in the database before `leased` has them. */
  private readonly claims = new Set<Promise<unknown>>();
  private pollTimer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private lastPrune = 0;
  private stopped = false;
  private deliveredCount = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OUTBOX_RELAY_ENABLED) readonly enabled: boolean,
  ) {}

  /** Events delivered by this process since it started (every listener done). */
  get delivered(): number {
    return this.deliveredCount;
  }

  onApplicationBootstrap(): void {
    this.discoverListeners();
    if (!this.enabled) return;
    this.schedulePoll(0);
  }

  /** The poller stops while the database is still open (it closes in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    await this.polling;
  }

  /** Writes the event in the caller's transaction and remembers it for delivery after commit. */
  async stage(
    em: EntityManager,
    name: string,
    payload: unknown,
    aggregateId: string | null,
  ): Promise<StagedEvent> {
    const eventId = await this.outbox.insert(em, {
      name,
      aggregateId,
      payload,
      requestId: RequestContext.requestId() ?? null,
    });
    const event: StagedEvent = { eventId, name, aggregateId };
    const list = this.staged.get(em);
    if (list) list.push(event);
    else this.staged.set(em, [event]);
    return event;
  }

  /** The events staged with `em` (its transaction has ended; they are forgotten here). */
  takeStaged(em: EntityManager): StagedEvent[] {
    const list = this.staged.get(em) ?? [];
    this.staged.delete(em);
    return list;
  }

  /**
   * Fast path, after commit: delivers these events now, waiting for their listeners. An
   * aggregate's events go out from its head (an earlier event committed by a concurrent write is
   * delivered first, by whichever fast path of this process gets there first). An event this
   * process's poller leased first is waited for; one another process holds, or behind one waiting
   * for a retry, is left to it. Never throws: the write happened, and the row keeps the event.
   */
  async deliverNow(events: readonly StagedEvent[]): Promise<void> {
    if (!this.enabled) return;
    for (const staged of events) {
      try {
        if (staged.aggregateId === null) {
          const [event] = await this.outbox.claimByIds([staged.eventId], LEASE_MS);
          if (event) await this.deliver(event);
          else await this.leasedByPoller(staged.eventId);
          continue;
        }
        const aggregateId = staged.aggregateId;
        await this.inOrder(aggregateId, async () => {
          for (let n = 0; n < FAST_PATH_RUN; n++) {
            const head = await this.outbox.claimHead(aggregateId, LEASE_MS);
            if (!head) break;
            await this.deliver(head);
            if (head.id === staged.eventId) return;
          }
        });
        // Outside inOrder: the poller delivers the aggregate's events through it too.
        await this.leasedByPoller(staged.eventId);
      } catch (e) {
        this.logger.warn(
          `outbox fast path failed, the poller will deliver: ${(e as Error).message}`,
        );
      }
    }
  }

  /** Waits for the poller's delivery of an event it leased (or is leasing) in this process. */
  private async leasedByPoller(eventId: string): Promise<void> {
    await Promise.allSettled([...this.claims]);
    await this.leased.get(eventId);
  }

  /** Delivers every due event (several batches), returns how many were attempted. */
  async drain(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const ended = new Map<string, () => void>();
      const claim = this.outbox.claimDue(BATCH, LEASE_MS).then((rows) => {
        for (const event of rows) {
          this.leased.set(event.id, new Promise((resolve) => ended.set(event.id, resolve)));
        }
        return rows;
      });
      this.claims.add(claim);
      let batch: OutboxEvent[];
      try {
        batch = await claim;
      } finally {
        this.claims.delete(claim);
      }
      try {
        for (const event of batch) {
          try {
            if (event.aggregateId === null) await this.deliver(event);
            else await this.inOrder(event.aggregateId, () => this.deliver(event));
          } finally {
            this.leased.delete(event.id);
            ended.get(event.id)!();
          }
        }
      } finally {
        // A batch cut short by an error: nobody waits for the rest (their leases expire).
        for (const event of batch) {
          if (this.leased.delete(event.id)) ended.get(event.id)!();
        }
      }
      attempted += batch.length;
      if (batch.length < BATCH || this.stopped) return attempted;
    }
  }

  /** Rows not yet delivered and the age of the oldest (every process's, from the table). */
  pendingStats(): Promise<{ pending: number; oldestSeconds: number }> {
    return this.outbox.pendingStats();
  }

  private async deliver(event: OutboxEvent): Promise<void> {
    const meta = {
      eventId: event.id,
      name: event.name,
      occurredAt: new Date(event.occurredAt),
    };
    const done = new Set(event.doneListeners);
    const pending = (this.listeners.get(event.name) ?? []).filter((l) => !done.has(l.key));
    const run = () =>
      Promise.allSettled(
        pending.map(async (l) => {
          await l.call(event.payload, meta);
          done.add(l.key);
        }),
      );
    // The writer's request id, whoever delivers it (logs and jobs of the listeners carry it).
    const results = await RequestContext.run(
      { requestId: event.requestId ?? `event-${event.id}` },
      run,
    );
    const errors = results
      .map((r, i) => (r.status === 'rejected' ? `${pending[i].key}: ${errorText(r.reason)}` : ''))
      .filter(Boolean);
    if (!errors.length) {
      await this.outbox.markDelivered(event.id, [...done]);
      this.deliveredCount++;
      return;
    }
    const retryInMs = Math.min(
      this.config.outboxBackoffMs * 2 ** Math.max(0, event.attempts - 1),
      MAX_BACKOFF_MS,
    );
    this.logger.warn(
      { eventId: event.id, event: event.name, attempts: event.attempts },
      `outbox event ${event.name} ${event.id}: ${errors.join('; ')} (retry in ${retryInMs} ms)`,
    );
    await this.outbox.markFailed(event.id, [...done], errors.join('; '), retryInMs);
  }

  /** Runs `work` after this process's earlier deliveries of the aggregate have finished. */
  private async inOrder(aggregateId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.aggregateTails.get(aggregateId) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.aggregateTails.set(aggregateId, tail);
    try {
      await current;
    } finally {
      if (this.aggregateTails.get(aggregateId) === tail) this.aggregateTails.delete(aggregateId);
    }
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped) return;
    this.pollTimer = setTimeout(() => {
      this.polling = this.poll().finally(() => {
        this.polling = undefined;
        this.schedulePoll(this.config.outboxPollMs);
      });
    }, delayMs);
    this.pollTimer.unref();
  }

  private async poll(): Promise<void> {
    try {
      await this.drain();
      if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        const pruned = await this.outbox.pruneDelivered(
          this.config.outboxRetentionHours * 3_600_000,
        );
        if (pruned) this.logger.debug(`pruned ${pruned} delivered outbox events`);
      }
    } catch (e) {
      // The database is away: the rows wait, the next poll tries again.
      this.logger.warn(`outbox relay: ${(e as Error).message}`);
    }
  }

  /** Every `@OnEvent` method of a singleton provider or controller, by event name. */
  private discoverListeners(): void {
    const wrappers = [...this.discovery.getProviders(), ...this.discovery.getControllers()];
    for (const wrapper of wrappers) {
      const { instance } = wrapper;
      if (!instance || wrapper.isAlias || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = (instance as Record<string, unknown>)[method];
        if (typeof handler !== 'function') continue;
        const metas = Reflect.getMetadata(EVENT_LISTENER_METADATA, handler) as
          { event: unknown }[] | undefined;
        for (const m of metas ?? []) {
          const names = (Array.isArray(m.event) ? m.event : [m.event]).filter(
            (n): n is string => typeof n === 'string',
          );
          for (const name of names) {
            const key = `${instance.constructor.name}.${method}`;
            const list = this.listeners.get(name) ?? [];
            list.push({
              key,
              call: (payload, meta) =>
                Promise.resolve(
                  (handler as (...a: unknown[]) => unknown).call(instance, payload, meta),
                ),
            });
            this.listeners.set(name, list);
          }
        }
      }
    }
  }
}
