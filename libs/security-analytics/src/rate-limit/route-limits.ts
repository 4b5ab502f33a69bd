import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import {
  APP_CONFIG,
  AppConfig,
  EdgeSafe,
  Limiter,
  perRoute,
  ProblemException,
  RateLimitService,
  ROUTE_LIMIT_TWIN,
} from '@nexus/core';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { clientKey } from '../blocks/ip-ranges';
import { RateLimitMetrics } from './rate-limit.metrics';

/** Throttler's metadata keys of a named limit (`@Throttle({ name })`, `@SkipThrottle({ name })`). */
const THROTTLER_LIMIT = 'THROTTLER:LIMIT';
const THROTTLER_SKIP = 'THROTTLER:SKIP';

const CHECKING = Symbol('route-limit');

type Req = FastifyRequest & { user?: { id: string }; body?: unknown };

/** The caller: the user when authenticated, else the client address (IPv6 per /64). */
const caller = (req: Req): string =>
  req.user ? `u:${req.user.id}` : `ip:${clientKey(req.clientIp)}`;

/** The email a request is about: the body's `email`, else the authenticated user's account. */
const targetEmail = (req: Req): string => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  if (typeof email === 'string') return `e:${email.trim().toLowerCase()}`;
  return req.user ? `u:${req.user.id}` : 'none';
};

/**
 * The named route limits, opted into per route with `@Throttle({ name: {} })` (an empty object
 * takes the limits below; a route may also give its own). Counted per route and tracker.
 *
 * - `auth`: sensitive auth endpoints — 5 per minute per address anonymous, 10 per minute per user
 *   authenticated (the seed's limits);
 * - `email`: endpoints that send email to a target — 5 per 15 minutes per target address (or
 *   account), beside `auth` per address, so no one can mail-bomb an address from many IPs;
 * - `write`: content and social writes — 30 per minute per user, across all write routes.
 */
export function routeThrottlers(): ThrottlerOptions[] {
  const named: (ThrottlerOptions & { name: string })[] = [
    {
      name: 'auth',
      ttl: 60_000,
      limit: (ctx: ExecutionContext) => (requestOf(ctx).user ? 10 : 5),
      getTracker: (req: Record<string, unknown>) => caller(req as unknown as Req),
    },
    {
      name: 'email',
      ttl: 15 * 60_000,
      limit: 5,
      getTracker: (req: Record<string, unknown>) => targetEmail(req as unknown as Req),
    },
    {
      name: 'write',
      ttl: 60_000,
      limit: 30,
      getTracker: (req: Record<string, unknown>) => caller(req as unknown as Req),
      // One budget across every write route (the others count per route).
      generateKey: (_ctx: ExecutionContext, tracker: string) => `write:${tracker}`,
    },
  ];
  return named.map((t) => ({
    ...t,
    // Only routes that name the limit are counted by it.
    skipIf: (ctx: ExecutionContext) =>
      !Reflect.hasMetadata(THROTTLER_LIMIT + t.name, ctx.getHandler()) &&
      !Reflect.hasMetadata(THROTTLER_LIMIT + t.name, ctx.getClass()),
    setHeaders: false,
  }));
}

/**
 * The request of an execution context: REST, or a GraphQL resolver's context (`{ req }`), so that
 * GraphQL is counted per operation (the guard runs per root resolver: each aliased field and each
 * operation of a batch counts once).
 */
export function requestOf(ctx: ExecutionContext): Req {
  if (ctx.getType() === 'http') return ctx.switchToHttp().getRequest<Req>();
  const gql = ctx.getArgs()[2] as { req?: Req; request?: Req } | undefined;
  const req = gql?.req ?? gql?.request;
  if (!req) throw new Error(`No request in a ${ctx.getType()} context`);
  return req;
}

/**
 * Throttler storage on core's RateLimitService (Redis in full mode, so every api instance counts
 * together, with the in-memory insurance limiter during an outage) instead of throttler's
 * per-process default.
 */
@Injectable()
export class RateLimitServiceStorage implements ThrottlerStorage {
  private readonly limiters = new Map<string, Limiter>();

  constructor(private readonly limits: RateLimitService) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const durationSeconds = Math.max(1, Math.ceil(ttl / 1000));
    const id = `${throttlerName}:${limit}:${durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      // Blocked until the window ends, not longer: refusals do not extend the window.
      limiter = this.limits.create({
        keyPrefix: `route:${id}`,
        points: limit,
        durationSeconds,
      });
      this.limiters.set(id, limiter);
    }
    const r = await limiter.consume(key);
    return {
      totalHits: r.allowed ? limit - r.remaining : limit + 1,
      timeToExpire: Math.ceil(r.resetMs / 1000),
      isBlocked: !r.allowed,
      timeToBlockExpire: Math.ceil(r.retryAfterMs / 1000),
    };
  }
}

/**
 * The global guard of the named route limits (`@nestjs/throttler`'s guard on RateLimitService
 * storage). A refusal is a 429 problem+json with `Retry-After`, counted in
 * `nexus_requests_rate_limited_total{limit=<name>}`; with RATE_LIMIT_DRY_RUN it is only counted
 * (`nexus_requests_would_rate_limit_total`); RATE_LIMIT_ROUTES=false turns the guard off.
 */
@Injectable()
@EdgeSafe(
  'counts only routes marked @Throttle (auth endpoints and writes), none of which an edge step ' +
    'answers; the edge has its own global limit',
)
export class RouteLimitGuard extends ThrottlerGuard {
  constructor(
    @Inject(getOptionsToken()) options: ThrottlerModuleOptions,
    @Inject(getStorageToken()) storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: RateLimitMetrics,
  ) {
    super(options, storage, reflector);
  }

  /** Whether any named limit counts the route (`skipIf` of each reads only route metadata). */
  private readonly counted = perRoute((ctx) =>
    this.throttlers.some(
      (t) =>
        !this.reflector.getAllAndOverride<boolean>(THROTTLER_SKIP + t.name, [
          ctx.getHandler(),
          ctx.getClass(),
        ]) && !t.skipIf?.(ctx),
    ),
  );

  /**
   * Routes no named limit counts (most reads) are let through without a promise: Nest's guard
   * consumer takes a plain boolean (CanActivate's contract), ThrottlerGuard only types its own
   * asynchronous path.
   */
  override canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (!this.config.rateLimitRoutes || !this.counted(ctx))
      return true as unknown as Promise<boolean>;
    return super.canActivate(ctx);
  }

  protected override shouldSkip(): Promise<boolean> {
    return Promise.resolve(!this.config.rateLimitRoutes);
  }

  protected override getRequestResponse(ctx: ExecutionContext) {
    const req = requestOf(ctx);
    return { req, res: ctx.getType() === 'http' ? ctx.switchToHttp().getResponse() : undefined };
  }

  protected override throwThrottlingException(
    ctx: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const name = this.nameOf(ctx);
    if (this.config.rateLimitDryRun) {
      this.metrics.wouldLimit.inc({ limit: name });
      return Promise.resolve();
    }
    this.metrics.limited.inc({ limit: name });
    const seconds = Math.max(1, detail.timeToBlockExpire);
    throw new ProblemException({
      status: 429,
      type: 'rate-limited',
      title: 'Too Many Requests',
      detail: `Too many requests; try again in ${seconds} s.`,
      headers: { 'retry-after': String(seconds) },
    });
  }

  /**
   * Throttler's key (route × limit × tracker), with the route taken from `@RouteLimitTwin` when
   * the handler has one, so a GraphQL mutation counts on its REST twin's counter.
   */
  protected override generateKey(ctx: ExecutionContext, tracker: string, name: string): string {
    const route =
      (Reflect.getMetadata(ROUTE_LIMIT_TWIN, ctx.getHandler()) as string | undefined) ??
      `${ctx.getClass().name}-${ctx.getHandler().name}`;
    return createHash('sha256').update(`${route}-${name}-${tracker}`).digest('hex');
  }

  /** Notes which named limit is being checked (the exception's detail does not say). */
  protected override handleRequest(props: ThrottlerRequest): Promise<boolean> {
    (requestOf(props.context) as Req & { [CHECKING]?: string })[CHECKING] = props.throttler.name;
    return super.handleRequest(props);
  }

  private nameOf(ctx: ExecutionContext): string {
    return (requestOf(ctx) as Req & { [CHECKING]?: string })[CHECKING] ?? 'route';
  }
}
