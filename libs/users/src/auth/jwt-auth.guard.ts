import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ProblemException } from '@nexus/core';
import type { FastifyRequest } from 'fastify';
import { AuthFailure, Authenticator } from './authenticator.service';

/** The request behind an execution context (REST, or a GraphQL context that carries `req`). */
export function requestOf(ctx: ExecutionContext): FastifyRequest {
  if (ctx.getType() === 'http') return ctx.switchToHttp().getRequest<FastifyRequest>();
  const gqlContext = ctx.getArgs()[2] as { req?: FastifyRequest; request?: FastifyRequest } | undefined;
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
    headers: { 'www-authenticate': failure === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"' },
  });
}

/** Requires a valid Bearer access token of an active session; sets `request.user`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const request = requestOf(ctx);
    const result = await this.authenticator.authenticate(request.headers.authorization);
    if ('failure' in result) throw unauthorized(result.failure);
    request.user = result.user;
    return true;
  }
}

/** Lets anonymous requests through; a present but invalid token is still a 401. */
@Injectable()
export class OptionalJwtAuthGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const request = requestOf(ctx);
    const result = await this.authenticator.authenticate(request.headers.authorization);
    if ('user' in result) request.user = result.user;
    else if (result.failure !== 'missing') throw unauthorized(result.failure);
    return true;
  }
}
