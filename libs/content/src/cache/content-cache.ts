import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CacheService } from '@nexus/core';
import { createHash, randomBytes } from 'node:crypto';

/** Cache namespaces of the content module (each has its own hit/miss counters). */
export const ContentNs = {
  /** Low-level: article record by slug (`<slug>@<tokens>`), including negative entries. */
  article: 'content:article',
  /** Low-level: article id → slug; immutable for the life of an article. */
  articleSlug: 'content:article-slug',
  /** Low-level: author card by user id (`<id>@<token>`). */
  author: 'content:author',
  /** Low-level: the tag list (`all@<tokens>`). */
  tags: 'content:tags',
  /** View-level: serialised HTTP responses (`<route>@<tokens>:<query>`). */
  view: 'content:view',
  /** View-level: "requested once" markers of listing keys (admission on the second request). */
  viewSeen: 'content:view-seen',
  /** Generation tokens (see `ContentCache`). */
  generation: 'content:gen',
} as const;

/**
 * Generation scopes. A cached value's key embeds the current token of every scope it depends
 * on; invalidating = replacing a scope's token, which makes every key built with the old token
 * unreachable (they expire by TTL). No key listing or pattern delete is ever needed.
 */
export const Scope = {
  /** Everything: bumped when an account is deleted (its rows vanish by cascade, unseen). */
  epoch: 'epoch',
  /** One article (by slug): its record and its view. */
  article: (slug: string) => `a:${slug}`,
  /** Membership and content of listings, the tag list and trending. */
  list: 'list',
  /** Like and comment counts shown in listings and trending (and the `top` order). */
  counts: 'counts',
  /** An author card. */
  author: (userId: string) => `u:${userId}`,
} as const;

/**
 * Versioned cache-aside on top of core's CacheService.
 *
 * Why generations rather than plain deletes: with delete-on-write, a reader that loaded the
 * old row just before the writer committed can store it again right after the writer deleted
 * the key, and the stale value then lives until its TTL. Here a reader fetches the tokens
 * *before* reading the database, and writers replace tokens *after* committing, so a value
 * read before a commit can only ever be stored under a token that is already obsolete.
 * Tokens are random, never reused, and live longer than any value built from them.
 */
@Injectable()
export class ContentCache {
  readonly ttlSeconds: number;
  private readonly tokenTtlSeconds: number;
  /**
   * Embedded mode: the cache itself lives in this process, so the tokens can be kept in a plain
   * bounded map (same guarantees, without two cache-store round trips per cached read). Full
   * mode keeps them in Redis, shared by every instance.
   */
  private readonly local?: Map<string, string>;

  constructor(
    readonly cache: CacheService,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'cacheTtlSeconds' | 'redisUrl' | 'redisPrefix'>,
  ) {
    this.ttlSeconds = config.cacheTtlSeconds;
    this.tokenTtlSeconds = Math.max(86_400, config.cacheTtlSeconds * 10);
    if (!config.redisUrl) this.local = new Map();
  }

  /** Several keys of one namespace in one round trip (Redis MGET), counted per namespace. */
  getMany<T>(ns: string, keys: string[]): Promise<(T | undefined)[]> {
    return this.cache.getMany<T>(ns, keys);
  }

  /** Current tokens of the scopes, joined; creates a token for a scope that has none. */
  async tokens(...scopes: string[]): Promise<string> {
    return (await this.tokenList(scopes)).join('.');
  }

  /** Current token of each scope (one round trip in full mode). */
  async tokenList(scopes: string[]): Promise<string[]> {
    if (this.local) return scopes.map((s) => this.local!.get(s) ?? this.setLocal(s, newToken()));
    const current = await this.getMany<string>(ContentNs.generation, scopes);
    return Promise.all(
      current.map(async (token, i) => {
        if (token) return token;
        const fresh = newToken();
        await this.cache.set(ContentNs.generation, scopes[i], fresh, this.tokenTtlSeconds);
        return fresh;
      }),
    );
  }

  /** Invalidates every value that depends on one of the scopes. */
  async bump(...scopes: string[]): Promise<void> {
    const unique = [...new Set(scopes)];
    if (this.local) {
      for (const s of unique) this.setLocal(s, newToken());
      return;
    }
    await Promise.all(
      unique.map((s) => this.cache.set(ContentNs.generation, s, newToken(), this.tokenTtlSeconds)),
    );
  }

  /** Cache-aside under a versioned key. `undefined` results are not stored. */
  async wrap<T>(
    ns: string,
    key: string,
    tokens: string,
    load: () => Promise<T>,
    ttlSeconds?: number,
  ): Promise<T> {
    return this.cache.wrap(ns, versionedKey(key, tokens), load, ttlSeconds ?? this.ttlSeconds);
  }

  /** Bounded like the memory cache; dropping a token only turns its entries into misses. */
  private setLocal(scope: string, token: string): string {
    const map = this.local!;
    map.delete(scope);
    map.set(scope, token);
    if (map.size > LOCAL_TOKENS) map.delete(map.keys().next().value!);
    return token;
  }
}

/** Scopes kept in embedded mode (one per article touched, plus a few global ones). */
const LOCAL_TOKENS = 200_000;

function newToken(): string {
  return randomBytes(6).toString('base64url');
}

/** `<key>@<tokens>`; long keys (e.g. listing queries) are hashed to keep Redis keys short. */
export function versionedKey(key: string, tokens: string): string {
  const k = key.length > 160 ? createHash('sha1').update(key).digest('base64url') : key;
  return `${k}@${tokens}`;
}
