import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EdgeSafe } from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { VIEW_CACHE, ViewCacheService, viewOf, ViewRoute } from './view-cache';

/**
 * View-level cache and conditional GETs for content routes, for what the edge step of
 * `ViewCacheService` did not answer (requests with a token, misses).
 *
 * - Every GET answer gets a strong `ETag` (hash of the exact bytes sent); a matching
 *   `If-None-Match` gets 304 without a body.
 * - Routes marked with `@ViewCache` are served from the cache when the entry was built on the
 *   current generation tokens of what the answer depends on; on a miss the handler's answer is
 *   serialised once and stored. Only 2xx answers of public data are stored (a draft shown to its
 *   author is not), so no caller ever gets another caller's view.
 * - Tokens are read before the handler touches the database (see ContentCache for why): by the
 *   edge step, or here before calling the handler.
 */
@Injectable()
@EdgeSafe('the edge step answers from the same cache, with the same headers')
export class HttpCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly views: ViewCacheService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next.handle();
    const route = this.reflector.get<ViewRoute | undefined>(VIEW_CACHE, ctx.getHandler());
    return from(this.answer(route, req, http.getResponse<FastifyReply>(), next));
  }

  private async answer(
    route: ViewRoute | undefined,
    req: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<string | Buffer> {
    const plan = route && this.views.plan(route, req);
    const lookup = plan && (this.views.edgeLookup(req) ?? (await this.views.lookup(plan)));
    if (lookup?.hit) return this.views.respond(req, reply, lookup.hit, true, 'HIT');
    const body = await lastValueFrom(next.handle());
    const view = viewOf(body);
    const shared = !!lookup && reply.statusCode < 300 && lookup.plan.storable(body);
    if (shared) await this.views.store(lookup, view);
    return this.views.respond(req, reply, view, shared, lookup ? 'MISS' : undefined);
  }
}
