import type { Redis } from 'ioredis';
import { MaybePromise } from '../util/maybe-promise';

/**
 * Plain string values, no serialisation layer: for values that are already strings (serialised
 * HTTP answers, generation tokens) and are read on the hottest paths, where cache-manager's and
 * Keyv's layers (envelope object, JSON round trip per value) cost more than the lookup itself.
 * Reads never throw: an unreachable store is a miss.
 */
export interface StringStore {
  /** Values of the keys, in order (`undefined` for a miss); one round trip (none in memory). */
  mget(keys: string[]): MaybePromise<(string | undefined)[]>;
  /** Whether the value was stored (false: the store was unreachable; never throws). */
  set(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(keys: string[]): Promise<void>;
}

export const STRING_STORE = Symbol('STRING_STORE');

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * Embedded mode: an LRU bounded by entry count and by total characters (a serialised listing
 * page is ~10 KB, an article several KB; the count alone would not bound memory).
 */
export class MemoryStringStore implements StringStore {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 100_000,
    private readonly maxChars = 64 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      this.remove(key, e);
      return undefined;
    }
    return e.value;
  }

  mget(keys: string[]): (string | undefined)[] {
    return keys.map((k) => this.get(k));
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
    this.chars += key.length + value.length;
    // Map iteration order is insertion order: the first keys are the least recently written.
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.remove(k, e);
    }
    return true;
  }

  async del(keys: string[]): Promise<void> {
    for (const k of keys) {
      const e = this.entries.get(k);
      if (e) this.remove(k, e);
    }
  }

  private remove(key: string, e: Entry): void {
    this.entries.delete(key);
    this.chars -= key.length + e.value.length;
  }
}

/**
 * Full mode: raw GET/MGET/SET on a connection of its own that never queues commands while Redis
 * is unreachable and gives up on a command after `commandTimeoutMs`, so an outage or a stalled
 * server turns reads into misses within that bound instead of holding requests.
 */
export class RedisStringStore implements StringStore {
  constructor(
    private readonly client: Redis,
    /** Told of each failed command (metrics count the time-outs). */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async mget(keys: string[]): Promise<(string | undefined)[]> {
    if (!keys.length) return [];
    try {
      const values = await this.client.mget(keys);
      return values.map((v) => v ?? undefined);
    } catch (e) {
      this.onError(e);
      return keys.map(() => undefined);
    }
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    try {
      await this.client.set(key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  async del(keys: string[]): Promise<void> {
    if (!keys.length) return;
    // Unlike a failed write of a value, a failed delete could leave a value that must go: the
    // caller has to know (callers that only need "eventually gone" use versioned keys instead).
    await this.client.del(keys);
  }
}
