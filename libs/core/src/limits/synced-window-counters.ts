import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

export interface SyncedWindowOptions {
  /** Key namespace, unique per use (e.g. `global`). */
  name: string;
  windowMs: number;
  /** How often local counts are pushed to Redis and the shared totals read back. */
  syncMs: number;
  /** Keys tracked per window on this instance; beyond, new keys are not counted (logged once). */
  maxKeys?: number;
  /** Wall-clock milliseconds (windows are aligned to it); injectable for tests. */
  now?: () => number;
  /**
   * Budget of one sync: a Redis that stops answering without closing the connection counts as
   * unreachable after it (default 1000 ms).
   */
  timeoutMs?: number;
}

export interface WindowDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in this window after this one (0 when refused). */
  remaining: number;
  /** Milliseconds until the window ends (the counter starts again). */
  resetMs: number;
}

interface Entry {
  /** Counted here and not yet sent to Redis. */
  local: number;
  /** Sent to Redis, answer not back yet. */
  inflight: number;
  /** The shared total (every instance) as of the last answer from Redis, our sent counts included. */
  shared: number;
}

/**
 * Fixed-window counters that decide without a round trip: each instance counts in memory and
 * decides on `shared + inflight + local`, and every `syncMs` pushes its new counts to Redis
 * (`INCRBY` per key and window, one pipeline) and reads the shared totals back. So the hot path is
 * a map lookup, and every instance sees the others' counts within one sync interval.
 *
 * Overshoot is bounded: a client is refused once an instance knows the shared total reached the
 * limit, so across N instances it can get at most `limit + (N − 1) × (what it sends to one instance
 * in one sync interval)` through in a window (none with one instance). Refused requests are not
 * counted: a client that is refused does not extend or deepen its own window.
 *
 * Redis unreachable (`degraded`): decisions go on from the local counts (each instance limits on
 * its own), the unsent counts are kept, and the first sync that gets through adds them to Redis —
 * counting returns to Redis with nothing lost. Without Redis (embedded mode) the counters are local.
 */
export class SyncedWindowCounters {
  private readonly logger = new Logger(SyncedWindowCounters.name);
  private readonly now: () => number;
  private readonly maxKeys: number;
  private window = -1;
  private entries = new Map<string, Entry>();
  private dirty = new Set<string>();
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private lastSyncFailed = false;
  private warnedFull = false;

  constructor(
    private readonly redis: Redis | undefined,
    private readonly keyPrefix: string,
    private readonly options: SyncedWindowOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 200_000;
    if (redis) {
      this.timer = setInterval(() => void this.sync(), options.syncMs);
      this.timer.unref();
    }
  }

  /** True while counting is local only because Redis cannot be reached (full mode). */
  get degraded(): boolean {
    if (!this.redis) return false;
    return this.lastSyncFailed || this.redis.status !== 'ready';
  }

  /** Counts one request for `key` if it is within `limit`; synchronous. */
  take(key: string, limit: number): WindowDecision {
    const now = this.now();
    const window = Math.floor(now / this.options.windowMs);
    if (window !== this.window) this.roll(window);
    const resetMs = (window + 1) * this.options.windowMs - now;
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.maxKeys) {
        if (!this.warnedFull) {
          this.warnedFull = true;
          this.logger.warn(
            `${this.options.name}: ${this.maxKeys} keys in one window, new keys uncounted`,
          );
        }
        return { allowed: true, limit, remaining: limit - 1, resetMs };
      }
      entry = { local: 0, inflight: 0, shared: 0 };
      this.entries.set(key, entry);
    }
    const used = entry.shared + entry.inflight + entry.local;
    if (used >= limit) return { allowed: false, limit, remaining: 0, resetMs };
    entry.local++;
    if (this.redis) this.dirty.add(key);
    return { allowed: true, limit, remaining: limit - used - 1, resetMs };
  }

  /** Pushes local counts to Redis and reads the totals back (every `syncMs`; tests call it). */
  sync(): Promise<void> {
    return (this.syncing ??= this.push().finally(() => (this.syncing = undefined)));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private roll(window: number): void {
    this.window = window;
    // Counts of the old window no longer matter (its Redis keys expire by themselves).
    this.entries = new Map();
    this.dirty = new Set();
    this.warnedFull = false;
  }

  private async push(): Promise<void> {
    const redis = this.redis;
    if (!redis || this.dirty.size === 0) return;
    if (redis.status !== 'ready') {
      this.lastSyncFailed = true;
      return;
    }
    const window = this.window;
    const entries = this.entries;
    const batch: [string, Entry, number][] = [];
    for (const key of this.dirty) {
      const entry = entries.get(key)!;
      batch.push([key, entry, entry.local]);
      entry.inflight += entry.local;
      entry.local = 0;
    }
    this.dirty = new Set();
    const ttlMs = this.options.windowMs * 2;
    const pipeline = redis.pipeline();
    for (const [key, , n] of batch) {
      const redisKey = `${this.keyPrefix}:${window}:${key}`;
      pipeline.incrby(redisKey, n).pexpire(redisKey, ttlMs);
    }
    let results: [Error | null, unknown][] | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      // A late answer after the budget is ignored and its counts are sent again: the error is on
      // the strict side (a client counted twice), never a lost count.
      const sent = pipeline.exec();
      sent.catch(() => undefined); // a late failure after the budget is not an unhandled rejection
      results = await Promise.race([
        sent,
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), this.options.timeoutMs ?? 1000);
          timer.unref();
        }),
      ]);
    } catch {
      results = null;
    } finally {
      clearTimeout(timer);
    }
    const failed = !results || results.some(([err]) => err);
    this.lastSyncFailed = failed;
    for (let i = 0; i < batch.length; i++) {
      const [key, entry, n] = batch[i];
      entry.inflight -= n;
      const total = results?.[i * 2];
      if (!failed && total && !total[0]) {
        entry.shared = Math.max(entry.shared, Number(total[1]));
      } else if (this.window === window && this.entries === entries) {
        // Not counted in Redis: keep it local and send it again next time.
        entry.local += n;
        this.dirty.add(key);
      }
    }
  }
}
