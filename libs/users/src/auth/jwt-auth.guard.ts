import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  APP_CONFIG,
  AppConfig,
  EdgeSafe,
  operatorAccess,
  perRoute,
  ProblemException,
  RouteAccess,
  routeAccess,
} from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthFailure, Authenticator } from './authenticator.service';

/** The request behind an execution context (REST, or a GraphQL context that carries `req`). */
export function requestOf(ctx: ExecutionContext): FastifyRequest {
  if (ctx.getType() === 'http') return ctx.switchToHttp().getRequest<FastifyRequest>();
  const gqlContext = ctx.getArgs()[2] as
    { req?: FastifyRequest; request?: FastifyRequest } | undefined;
  const req = gqlContext?.req ?? gqlContext?.request;
  if (!req) throw new Error(`No request in a ${ctx.getType()} context`);
  return req;
}

const DETAILS: Record<AuthFailure, string> = {
  missing: 'A Bearer access token is required.',
  invalid: 'The access token is invalid or expired.',
  // Same wording as invalid on purpose: do not tell a token thief which check failed.
  revoked: 'The access token is invalid or expired.',
};

export function unauthorized(failure: AuthFailure): ProblemException {
  return new ProblemException({
    status: 401,
    type: 'unauthorized',
    title: 'Unauthorized',
    detail: DETAILS[failure],
    headers: {
      'www-authenticate': failure === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"',
    },
  });
}

/**
 * The global authentication guard (APP_GUARD, deny by default). Every route needs a valid Bearer
 * access token of an active session unless marked `@Public()` or `@OptionalAuth()`; on every
 * route, public ones included, a present but invalid credential is a 401 (one rule for clients).
 * A valid token sets `request.user` (not on `@Public()` routes, whose answer may not depend on the
 * caller), and the answer then defaults to `Cache-Control: private, no-store`: it may hold
 * personal data. A handler that sets its own Cache-Control (e.g. a public cached view) wins.
 */
@Injectable()
@EdgeSafe(
  'edge steps answer only requests without credentials, on @Public/@OptionalAuth routes ' +
    '(EdgeSafetyCheck), and this guard lets exactly those through unchanged',
)
export class JwtAuthGuard implements CanActivate {
  private readonly accessOf = perRoute((ctx) =>
    routeAccess(this.reflector, ctx.getHandler(), ctx.getClass()),
  );

  constructor(
    private readonly authenticator: Authenticator,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean | Promise<boolean> {
    const access = this.accessOf(ctx);
    const request = requestOf(ctx);
    // An anonymous request to an open route is decided without a promise.
    if (!request.headers.authorization && access !== 'authenticated') return true;
    // The operator token (METRICS_TOKEN) is not a user credential: on a public route it carries
    // no identity, and operator routes (/metrics, /health/ready) check it themselves.
    if (
      access === 'public' &&
      this.config.metricsToken &&
      operatorAccess(this.config, request) === 'granted'
    )
      return true;
    return this.authenticate(ctx, request, access);
  }

  private async authenticate(
    ctx: ExecutionContext,
    request: FastifyRequest,
    access: RouteAccess,
  ): Promise<boolean> {
    const result = await this.authenticator.authenticate(request.headers.authorization);
    if ('failure' in result) {
      if (result.failure === 'missing' && access !== 'authenticated') return true;
      throw unauthorized(result.failure);
    }
    if (access === 'public') return true;
    request.user = result.user;
    if (ctx.getType() === 'http') {
      ctx.switchToHttp().getResponse<FastifyReply>().header('cache-control', 'private, no-store');
    }
    return true;
  }
}
