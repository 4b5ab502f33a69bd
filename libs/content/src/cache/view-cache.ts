import { applyDecorators, Injectable, OnModuleInit, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { andThen, EdgeStage, HttpPipeline, MaybePromise, MemoryStringStore } from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { ContentCache, ContentNs, Scope } from './content-cache';

/** Public GET routes whose whole answer is cached (view level). */
export type ViewRoute = 'article' | 'articles' | 'tags' | 'trending';

export const VIEW_CACHE = 'nexus:content:view-cache';

/**
 * Marks a GET handler for the view-level cache. Only routes whose stored answers do not depend on
 * the caller may be marked: the key never contains the caller. The route name is also put in the
 * Fastify route config, where the edge step finds it before Nest is involved.
 */
export const ViewCache = (route: ViewRoute) =>
  applyDecorators(SetMetadata(VIEW_CACHE, route), RouteConfig({ viewCache: route }));

export interface CachedView {
  etag: string;
  body: string;
  /**
   * The body encoded once, for answers served from the cache: Node writes a Buffer as is, while a
   * string is UTF-8 encoded (after being joined to the header block) on every response, a cost
   * comparable to the rest of a cached answer (docs/benchmarks.md).
   */
  bytes?: Buffer;
}

export interface ViewPlan {
  /** Stable key (route + canonical query); the tokens are stored inside the value. */
  key: string;
  /** Generation scopes the answer depends on. */
  scopes: string[];
  /** Whether a computed answer is public and may be stored (e.g. only published articles). */
  storable: (body: unknown) => boolean;
  /**
   * Admission on the second request: the first miss of a key is only remembered, and the answer
   * is stored when the same key misses again. Listing queries are open ended (any filter, date
   * or cursor); most never repeat, and storing each ~10 KB page would spend memory, serialisation
   * and Redis bandwidth on entries nobody reads.
   */
  admitOnSecondRequest: boolean;
}

/** A lookup: the tokens current when it was made (taken before any database read) and the hit. */
export interface ViewLookup {
  plan: ViewPlan;
  tokens: string;
  hit?: CachedView;
}

const SLUG = /^[a-z0-9-]{1,120}$/;
/** Where the edge step leaves its lookup for the interceptor (a miss: tokens already taken). */
const LOOKUP = Symbol('nexus.content.viewLookup');
/** Listing keys seen once (admission), per process: a heuristic, no need to share it. */
const SEEN_KEYS = 20_000;
/** Decoded hot entries (key → the stored string they came from, and its encoded body). */
const DECODED_KEYS = 5_000;

/**
 * The view-level cache of content's public GET routes: plans (key + scopes per route), one-round
 * trip lookups (the scopes' tokens and the entry in one MGET), storage and the HTTP answer
 * (ETag, 304, cache headers). Used in two places:
 *
 * - the **edge step** (core's HttpPipeline, stage `cache`) answers anonymous GETs from the cache
 *   before Nest runs anything. An anonymous request is exactly one whose answer is the stored
 *   public one: no guard could refuse it (the routes are public) and no caller changes it;
 * - `HttpCacheInterceptor` serves everything else (requests with a token, misses), reusing the
 *   edge step's lookup when there was one, so tokens are still taken before the database is read.
 */
@Injectable()
export class ViewCacheService implements OnModuleInit {
  private readonly seen = new Map<string, true>();
  private readonly decoded = new Map<string, { entry: string; view: CachedView }>();
  /**
   * Full mode: this instance's copy of view entries it read or stored. An entry carries the tokens
   * it was built on, so a copy needs no invalidation of its own: it is used only while the
   * TokenMirror's (acknowledged) copy of those tokens matches it.
   */
  private readonly local?: MemoryStringStore;

  constructor(
    private readonly cache: ContentCache,
    private readonly pipeline: HttpPipeline,
  ) {
    if (cache.mirror?.enabled) this.local = new MemoryStringStore(20_000, 32 * 1024 * 1024);
  }

  onModuleInit(): void {
    // Declares the routes it may answer, for core's start-up check: they must be @Public or
    // @OptionalAuth (the step answers only requests without an Authorization header).
    this.pipeline.use(
      EdgeStage.cache,
      'content-view-cache',
      (req, reply) => this.edge(req, reply),
      {
        answers: (route) => route.method === 'GET' && route.config.viewCache !== undefined,
      },
    );
  }

  /**
   * The edge step: answers an anonymous GET of a view-cached route on a hit. A request with any
   * Authorization header goes to Nest, whose guard refuses an invalid one.
   */
  edge(req: FastifyRequest, reply: FastifyReply): MaybePromise<boolean> {
    // HEAD is answered as GET (Fastify drops the body), so it carries the same headers and 304.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.authorization !== undefined)
      return false;
    const route = (req.routeOptions.config as { viewCache?: ViewRoute } | undefined)?.viewCache;
    const plan = route && this.plan(route, req);
    if (!plan) return false;
    return andThen(this.lookup(plan), (lookup) => {
      if (!lookup.hit) {
        (req as { [LOOKUP]?: ViewLookup })[LOOKUP] = lookup;
        return false;
      }
      reply.send(this.respond(req, reply, lookup.hit, true, 'HIT'));
      return true;
    });
  }

  /** The edge step's lookup of this request, if it made one. */
  edgeLookup(req: FastifyRequest): ViewLookup | undefined {
    return (req as { [LOOKUP]?: ViewLookup })[LOOKUP];
  }

  plan(route: ViewRoute, req: Pick<FastifyRequest, 'params' | 'query'>): ViewPlan | undefined {
    const everything = () => true;
    switch (route) {
      case 'article': {
        const slug = (req.params as Record<string, string>).slug;
        if (!SLUG.test(slug ?? '')) return undefined;
        return {
          key: `article:${slug}`,
          scopes: [Scope.epoch, Scope.article(slug)],
          storable: (body) => (body as { status?: string }).status === 'published',
          admitOnSecondRequest: false,
        };
      }
      case 'tags':
        return {
          key: 'tags',
          scopes: [Scope.epoch, Scope.list],
          storable: everything,
          admitOnSecondRequest: false,
        };
      case 'articles':
      case 'trending':
        return {
          key: shortKey(`${route}:${canonicalQuery(req.query)}`),
          scopes: [Scope.epoch, Scope.list, Scope.counts],
          storable: everything,
          admitOnSecondRequest: route === 'articles',
        };
    }
  }

  /**
   * The scopes' tokens and the entry, in one round trip (synchronous in embedded mode); an entry
   * built on other tokens is a miss.
   */
  lookup(plan: ViewPlan): MaybePromise<ViewLookup> {
    const mirrored = this.local && this.cache.mirror!.get(plan.scopes);
    if (mirrored) {
      const tokens = mirrored.join('.');
      const copy = this.local!.get(plan.key);
      const hit = copy !== undefined ? this.decode(plan.key, copy, tokens) : undefined;
      if (hit) {
        this.cache.cache.count(ContentNs.view, true);
        return { plan, tokens, hit };
      }
      // A listing query this instance has never seen is almost never stored anywhere (most are
      // one-offs: any filter, date or cursor): a miss without asking Redis for it.
      if (plan.admitOnSecondRequest && !this.seen.has(plan.key)) {
        this.cache.cache.count(ContentNs.view, false);
        return { plan, tokens };
      }
    }
    return andThen(
      this.cache.readTokens(plan.scopes, [ContentNs.view, plan.key]),
      ({ tokens: list, extra: entry }) => {
        const tokens = list.join('.');
        const hit = entry !== undefined ? this.decode(plan.key, entry, tokens) : undefined;
        if (hit && this.local) void this.local.set(plan.key, entry!, this.cache.ttlSeconds);
        return { plan, tokens, hit };
      },
    );
  }

  /** Stores a computed public answer under the tokens of its lookup (subject to admission). */
  async store(lookup: ViewLookup, view: CachedView): Promise<void> {
    const { plan } = lookup;
    if (plan.admitOnSecondRequest && !this.seen.delete(plan.key)) {
      this.seen.set(plan.key, true);
      if (this.seen.size > SEEN_KEYS) this.seen.delete(this.seen.keys().next().value!);
      return;
    }
    const entry = encode(lookup.tokens, view);
    if (this.local) void this.local.set(plan.key, entry, this.cache.ttlSeconds);
    await this.cache.cache.setString(ContentNs.view, plan.key, entry, this.cache.ttlSeconds);
  }

  /**
   * Sets the headers of a GET answer and returns the body to send ('' for a 304). `shared`: the
   * answer is public (stored or storable) rather than computed for this caller.
   */
  respond(
    req: FastifyRequest,
    reply: FastifyReply,
    view: CachedView,
    shared: boolean,
    cache?: 'HIT' | 'MISS',
  ): string | Buffer {
    reply.header('etag', view.etag);
    // no-cache: clients may keep a copy but must revalidate (cheap, via ETag) before using it,
    // so nothing downstream can outlive an invalidation.
    // An answer computed for a signed-in caller may hold personal data: stored nowhere.
    reply.header(
      'cache-control',
      shared ? 'public, no-cache' : req.user ? 'private, no-store' : 'private, no-cache',
    );
    reply.header('vary', 'Authorization');
    if (cache) reply.header('x-cache', cache);
    if (matchesEtag(req.headers['if-none-match'], view.etag)) {
      reply.status(304);
      return '';
    }
    reply.header('content-type', 'application/json; charset=utf-8');
    return view.bytes ?? view.body;
  }

  /**
   * A stored entry → the view, if built on `tokens`. The last decoding of each hot key is kept with
   * the stored string it came from (compared by identity first: the in-process stores hand out the
   * same string), so a repeated hit neither slices nor encodes again.
   */
  private decode(key: string, entry: string, tokens: string): CachedView | undefined {
    const known = this.decoded.get(key);
    if (known && known.entry === entry)
      return entry.startsWith(tokens) && entry.charCodeAt(tokens.length) === 10
        ? known.view
        : undefined;
    const view = decode(entry, tokens);
    if (!view) return undefined;
    view.bytes = Buffer.from(view.body);
    this.decoded.delete(key);
    this.decoded.set(key, { entry, view });
    if (this.decoded.size > DECODED_KEYS) this.decoded.delete(this.decoded.keys().next().value!);
    return view;
  }
}

/** An answer serialised once: its bytes and their strong ETag. */
export function viewOf(body: unknown): CachedView {
  const serialised = JSON.stringify(body);
  return {
    etag: `"${createHash('sha1').update(serialised).digest('base64url')}"`,
    body: serialised,
  };
}

/** Stored form: `<tokens>\n<etag>\n<body>` (tokens and ETags never contain a newline). */
function encode(tokens: string, view: CachedView): string {
  return `${tokens}\n${view.etag}\n${view.body}`;
}

function decode(entry: string, tokens: string): CachedView | undefined {
  const a = entry.indexOf('\n');
  if (a !== tokens.length || !entry.startsWith(tokens)) return undefined;
  const b = entry.indexOf('\n', a + 1);
  return b < 0 ? undefined : { etag: entry.slice(a + 1, b), body: entry.slice(b + 1) };
}

/** Long keys (listing queries) are hashed to keep Redis keys short. */
function shortKey(key: string): string {
  return key.length > 160 ? createHash('sha1').update(key).digest('base64url') : key;
}

/** RFC 9110 weak comparison for If-None-Match: a list of tags or `*`. */
export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  return value.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** The query string in a canonical form: parameter order does not split the cache. */
export function canonicalQuery(query: unknown): string {
  const q = (query ?? {}) as Record<string, unknown>;
  return Object.keys(q)
    .sort()
    .map(
      (k) =>
        `${encodeURIComponent(k)}=${[q[k]]
          .flat()
          .map((v) => encodeURIComponent(String(v)))
          .join(',')}`,
    )
    .join('&');
}
