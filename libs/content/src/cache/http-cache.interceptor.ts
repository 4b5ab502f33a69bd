import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { ContentCache, ContentNs, Scope, versionedKey } from './content-cache';

/** Public GET routes whose whole response is cached (view level). */
export type ViewRoute = 'article' | 'articles' | 'tags' | 'trending';

const VIEW_CACHE = 'nexus:content:view-cache';

/**
 * Marks a GET handler for the view-level cache. Only routes whose response does not depend on
 * the caller may be marked: the key never contains the caller.
 */
export const ViewCache = (route: ViewRoute) => SetMetadata(VIEW_CACHE, route);

interface CachedView {
  etag: string;
  body: string;
}

interface Plan {
  key: string;
  /** Whether a computed response is public and may be stored (e.g. only published articles). */
  storable: (body: unknown) => boolean;
  /**
   * Admission on the second request: the first miss of a key only leaves a small marker and the
   * answer is stored when the same key misses again within the TTL. Listing queries are open
   * ended (any filter, date or cursor); most never repeat, and storing each ~10 KB page would
   * spend memory, serialisation and Redis bandwidth on entries nobody reads.
   */
  admitOnSecondRequest: boolean;
}

const SLUG = /^[a-z0-9-]{1,120}$/;

/**
 * View-level cache and conditional GETs for content routes.
 *
 * - Every GET answer gets a strong `ETag` (hash of the exact bytes sent); a matching
 *   `If-None-Match` gets 304 without a body.
 * - Routes marked with `@ViewCache` are served from the cache when the key — route, canonical
 *   query and the generation tokens of what the response depends on — has an entry; on a miss
 *   the handler's answer is serialised once and stored. Only 2xx answers of public data are
 *   stored (a draft shown to its author is not), so no caller ever gets another caller's view.
 * - Tokens are read before the handler touches the database (see ContentCache for why).
 */
@Injectable()
export class HttpCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: ContentCache,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    if (req.method !== 'GET') return next.handle();
    const route = this.reflector.get<ViewRoute | undefined>(VIEW_CACHE, ctx.getHandler());
    return from(this.answer(route, req, http.getResponse<FastifyReply>(), next));
  }

  private async answer(
    route: ViewRoute | undefined,
    req: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<string> {
    const plan = await this.plan(route, req);
    if (plan) {
      const hit = await this.cache.cache.get<CachedView>(ContentNs.view, plan.key);
      if (hit) return this.send(req, reply, hit, true, 'HIT');
    }
    const body = await lastValueFrom(next.handle());
    const serialised = JSON.stringify(body);
    const view: CachedView = { etag: etagOf(serialised), body: serialised };
    const shared = !!plan && reply.statusCode < 300 && plan.storable(body);
    if (shared) await this.admit(plan!, view);
    return this.send(req, reply, view, shared, plan ? 'MISS' : undefined);
  }

  private async admit(plan: Plan, view: CachedView): Promise<void> {
    const ttl = this.cache.ttlSeconds;
    if (
      plan.admitOnSecondRequest &&
      !(await this.cache.cache.get<number>(ContentNs.viewSeen, plan.key))
    ) {
      await this.cache.cache.set(ContentNs.viewSeen, plan.key, 1, ttl);
      return;
    }
    await this.cache.cache.set(ContentNs.view, plan.key, view, ttl);
  }

  private async plan(route: ViewRoute | undefined, req: FastifyRequest): Promise<Plan | undefined> {
    if (!route) return undefined;
    const everything = () => true;
    switch (route) {
      case 'article': {
        const slug = (req.params as Record<string, string>).slug;
        if (!SLUG.test(slug ?? '')) return undefined;
        const tokens = await this.cache.tokens(Scope.epoch, Scope.article(slug));
        return {
          key: versionedKey(`article:${slug}`, tokens),
          storable: (body) => (body as { status?: string }).status === 'published',
          admitOnSecondRequest: false,
        };
      }
      case 'tags':
        return {
          key: versionedKey('tags', await this.cache.tokens(Scope.epoch, Scope.list)),
          storable: everything,
          admitOnSecondRequest: false,
        };
      case 'articles':
      case 'trending': {
        const tokens = await this.cache.tokens(Scope.epoch, Scope.list, Scope.counts);
        return {
          key: versionedKey(`${route}:${canonicalQuery(req.query)}`, tokens),
          storable: everything,
          admitOnSecondRequest: route === 'articles',
        };
      }
    }
  }

  private send(
    req: FastifyRequest,
    reply: FastifyReply,
    view: CachedView,
    shared: boolean,
    cache?: string,
  ): string {
    reply.header('etag', view.etag);
    // no-cache: clients may keep a copy but must revalidate (cheap, via ETag) before using it,
    // so nothing downstream can outlive an invalidation.
    reply.header('cache-control', shared ? 'public, no-cache' : 'private, no-cache');
    reply.header('vary', 'Authorization');
    if (cache) reply.header('x-cache', cache);
    if (matchesEtag(req.headers['if-none-match'], view.etag)) {
      reply.status(304);
      return '';
    }
    reply.header('content-type', 'application/json; charset=utf-8');
    return view.body;
  }
}

function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
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
