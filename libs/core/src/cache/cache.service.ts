import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { andThen, MaybePromise } from '../util/maybe-promise';
import { MemoryObjectStore, OBJECT_STORE, ObjectStore } from './object-store';
import { MemoryStringStore, STRING_STORE, StringStore } from './string-store';

export interface NamespaceStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses); 0 when there was no traffic. */
  hitRatio: number;
}

/**
 * Namespaced cache-aside (the cache Redis in full mode, an LRU in memory otherwise), counting hits
 * and misses per namespace. Keys are `<REDIS_PREFIX>:<ns>:<key>` (objects, as JSON in Redis) and
 * `<REDIS_PREFIX>:s:<ns>:<key>` (strings). Why no cache-manager/Keyv: docs/core.md "Cache".
 */
@Injectable()
export class CacheService {
  private readonly counters = new Map<string, { hits: number; misses: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STRING_STORE) private readonly strings: StringStore = new MemoryStringStore(),
    @Inject(OBJECT_STORE) private readonly objects: ObjectStore = new MemoryObjectStore(),
  ) {}

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const [value] = await this.getMany<T>(namespace, [key]);
    return value;
  }

  /** One round trip for several keys of a namespace; each counts as a hit or a miss. */
  async getMany<T>(namespace: string, keys: string[]): Promise<(T | undefined)[]> {
    if (!keys.length) return [];
    const values = await this.objects.mget(keys.map((k) => this.key(namespace, k)));
    return values.map((v) => {
      const hit = v !== undefined && v !== null;
      this.count(namespace, hit);
      return hit ? (v as T) : undefined;
    });
  }

  /**
   * Stores a value. Cached values are read-only: the in-memory store hands out the stored object
   * itself (a clone per read would be the largest cost of a cached read), so it is frozen
   * here and a caller that tries to mutate it fails loudly instead of corrupting the cache.
   */
  async set<T>(namespace: string, key: string, value: T, ttlSeconds?: number): Promise<void> {
    if (this.objects instanceof MemoryObjectStore) deepFreeze(value);
    await this.objects.set(
      this.key(namespace, key),
      value,
      ttlSeconds ?? this.config.cacheTtlSeconds,
    );
  }

  async del(namespace: string, ...keys: string[]): Promise<void> {
    if (keys.length) await this.objects.del(keys.map((k) => this.key(namespace, k)));
  }

  /** Cache-aside: returns the cached value or computes, stores and returns it. */
  async wrap<T>(
    namespace: string,
    key: string,
    load: () => Promise<T>,
    ttlSeconds?: number,
  ): Promise<T> {
    const cached = await this.get<T>(namespace, key);
    if (cached !== undefined) return cached;
    const value = await load();
    if (value !== undefined && value !== null) await this.set(namespace, key, value, ttlSeconds);
    return value;
  }

  /**
   * String values of keys from one or more namespaces in one round trip, without the object API's
   * JSON round trip (see StringStore): for values that are strings already, on hot paths. Kept apart
   * from the object API's keys: a key holds either a string written here or an object. Synchronous
   * in embedded mode.
   */
  getStrings(
    keys: readonly (readonly [namespace: string, key: string])[],
  ): MaybePromise<(string | undefined)[]> {
    return andThen(this.strings.mget(keys.map(([ns, k]) => this.stringKey(ns, k))), (values) => {
      values.forEach((v, i) => this.count(keys[i][0], v !== undefined));
      return values;
    });
  }

  /** Stores a string value; false when the store could not be reached (never throws). */
  setString(namespace: string, key: string, value: string, ttlSeconds?: number): Promise<boolean> {
    return this.strings.set(
      this.stringKey(namespace, key),
      value,
      ttlSeconds ?? this.config.cacheTtlSeconds,
    );
  }

  /** Counts a lookup made elsewhere (e.g. the HTTP cache interceptor) against a namespace. */
  count(namespace: string, hit: boolean): void {
    let c = this.counters.get(namespace);
    if (!c) this.counters.set(namespace, (c = { hits: 0, misses: 0 }));
    if (hit) c.hits++;
    else c.misses++;
  }

  stats(): Record<string, NamespaceStats> {
    const out: Record<string, NamespaceStats> = {};
    for (const [ns, { hits, misses }] of this.counters) {
      out[ns] = { hits, misses, hitRatio: hits + misses === 0 ? 0 : hits / (hits + misses) };
    }
    return out;
  }

  private key(namespace: string, key: string): string {
    return `${this.config.redisPrefix}:${namespace}:${key}`;
  }

  private stringKey(namespace: string, key: string): string {
    return `${this.config.redisPrefix}:s:${namespace}:${key}`;
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
}
