import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { andThen, APP_CONFIG, AppConfig, CacheService, MaybePromise } from '@nexus/core';
import { createHash, randomBytes } from 'node:crypto';
import { TokenMirror } from './token-mirror';

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
  /** View-level: serialised HTTP answers (`<route>:<query>`; the tokens are inside the value). */
  view: 'content:view',
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
  private readonly logger = new Logger(ContentCache.name);

  constructor(
    readonly cache: CacheService,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'cacheTtlSeconds'>,
    @Optional() readonly mirror?: TokenMirror,
  ) {
    this.ttlSeconds = config.cacheTtlSeconds;
    this.tokenTtlSeconds = Math.max(86_400, config.cacheTtlSeconds * 10);
  }

  /** Several keys of one namespace in one round trip (Redis MGET), counted per namespace. */
  getMany<T>(ns: string, keys: string[]): Promise<(T | undefined)[]> {
    return this.cache.getMany<T>(ns, keys);
  }

  /** Current tokens of the scopes, joined; creates a token for a scope that has none. */
  async tokens(...scopes: string[]): Promise<string> {
    return (await this.tokenList(scopes)).join('.');
  }

  /** Current token of each scope (one round trip in full mode, none when mirrored). */
  async tokenList(scopes: string[]): Promise<string[]> {
    return (await this.readTokens(scopes)).tokens;
  }

  /**
   * The scopes' current tokens and, optionally, one more string value, in one round trip: the
   * tokens come from this instance's TokenMirror when it has them all (then only `extra` is read),
   * else from the store — and are copied into the mirror unless an invalidation arrived meanwhile.
   * Every token read goes through here, so that protocol lives in one place. Synchronous in
   * embedded mode.
   */
  readTokens(
    scopes: string[],
    extra?: readonly [namespace: string, key: string],
  ): MaybePromise<{ tokens: string[]; extra?: string }> {
    const mirrored = this.mirror?.get(scopes);
    if (mirrored) {
      if (!extra) return { tokens: mirrored };
      return andThen(this.cache.getStrings([extra]), ([value]) => ({
        tokens: mirrored,
        extra: value,
      }));
    }
    const mark = this.mirror?.mark() ?? 0;
    const keys = scopes.map((s) => [ContentNs.generation, s] as const);
    return andThen(this.cache.getStrings(extra ? [...keys, extra] : keys), (values) => {
      const value = extra ? values.pop() : undefined;
      return andThen(this.fillTokens(scopes, values), (tokens) => {
        this.mirror?.fill(scopes, tokens, mark);
        return { tokens, extra: value };
      });
    });
  }

  /**
   * Completes tokens read from the store: a scope without a token gets a new one. Two readers may both create one; the later write wins and values
   * stored under the other are misses — never stale.
   */
  private fillTokens(scopes: string[], current: (string | undefined)[]): MaybePromise<string[]> {
    if (current.every((t) => t !== undefined)) return current as string[];
    return Promise.all(
      current.map(async (token, i) => {
        if (token) return token;
        const fresh = newToken();
        await this.cache.setString(ContentNs.generation, scopes[i], fresh, this.tokenTtlSeconds);
        return fresh;
      }),
    );
  }

  /**
   * Invalidates every value that depends on one of the scopes. A token that cannot be written
   * (Redis unreachable right then) is logged: the values built on the old token then stay
   * reachable until their TTL (`CACHE_TTL`), the bound on staleness in that fault.
   */
  async bump(...scopes: string[]): Promise<void> {
    const unique = [...new Set(scopes)];
    const stored = await Promise.all(
      unique.map((s) =>
        this.cache.setString(ContentNs.generation, s, newToken(), this.tokenTtlSeconds),
      ),
    );
    const failed = unique.filter((_, i) => !stored[i]);
    // Every instance's copy of the old tokens is gone before the write is answered.
    await this.mirror?.invalidate(unique);
    if (failed.length) {
      this.logger.error(
        `Cache invalidation not stored for ${failed.join(', ')}: cached values may be stale for up to ${this.ttlSeconds} s`,
      );
    }
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
}

function newToken(): string {
  return randomBytes(6).toString('base64url');
}

/** `<key>@<tokens>`; long keys (e.g. listing queries) are hashed to keep Redis keys short. */
export function versionedKey(key: string, tokens: string): string {
  const k = key.length > 160 ? createHash('sha1').update(key).digest('base64url') : key;
  return `${k}@${tokens}`;
}
