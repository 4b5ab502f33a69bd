import { CacheableMemory } from '@cacheable/memory';
import { andThen, MaybePromise } from '../util/maybe-promise';
import { StringStore } from './string-store';

/**
 * Values of any JSON-serialisable type by key, behind CacheService's object API
 * (`get/getMany/set/del/wrap`). Reads never throw: an unreachable store is a miss.
 */
export interface ObjectStore {
  /** Values of the keys, in order (`undefined` for a miss). */
  mget(keys: string[]): MaybePromise<unknown[]>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(keys: string[]): Promise<void>;
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');

/**
 * Embedded mode: a bounded LRU that hands out the stored object itself (CacheService freezes it).
 * Cloning per read and sharding by key hash (the package defaults) were the largest costs of a
 * cached read in the benchmark profile (docs/benchmarks.md).
 */
export class MemoryObjectStore implements ObjectStore {
  private readonly memory: CacheableMemory;

  constructor(maxEntries = 50_000) {
    this.memory = new CacheableMemory({ lruSize: maxEntries, useClone: false, storeHashSize: 1 });
  }

  mget(keys: string[]): unknown[] {
    return keys.map((k) => this.memory.get(k));
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.memory.set(key, value, ttlSeconds * 1000);
  }

  async del(keys: string[]): Promise<void> {
    for (const k of keys) this.memory.delete(k);
  }
}

/**
 * Full mode: JSON text in the cache Redis through the string store's connection (ioredis, bounded
 * command time, no offline queue), so an outage is a miss within that bound, never a hang.
 */
export class JsonObjectStore implements ObjectStore {
  constructor(private readonly strings: StringStore) {}

  mget(keys: string[]): MaybePromise<unknown[]> {
    return andThen(this.strings.mget(keys), (values) => values.map(parse));
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.strings.set(key, JSON.stringify(value), ttlSeconds);
  }

  /** Best effort, like a write: a value left behind by a failed delete expires by its TTL. */
  async del(keys: string[]): Promise<void> {
    await this.strings.del(keys).catch(() => undefined);
  }
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
