import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { ExecutionContext, Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiSecurity } from '@nestjs/swagger';

/**
 * Who may call a route. Every route requires a valid Bearer access token (`authenticated`)
 * unless its handler or controller says otherwise (deny by default, see docs/core.md):
 *
 * - `public`: anonymous callers allowed; the answer never depends on the caller, so the
 *   authentication guard does not set `request.user`;
 * - `optional`: anonymous callers allowed; a valid token sets `request.user` (e.g. drafts shown to
 *   their author).
 *
 * On every route a present but invalid credential is a 401, whatever the access.
 */
export type RouteAccess = 'public' | 'optional' | 'authenticated';

export const ROUTE_ACCESS = 'nexus:route-access';
/** Set by decorators that need a caller (e.g. users' `@Roles`); wins over `public`/`optional`. */
export const ROUTE_NEEDS_CALLER = 'nexus:route-needs-caller';

/** The OpenAPI security scheme of access tokens (declared in configure-http.ts). */
export const BEARER_SCHEME = 'bearer';

/**
 * Anonymous callers allowed; the answer does not depend on the caller. In the OpenAPI document
 * the operation requires nothing (`security: []`, see createOpenApiDocument).
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROUTE_ACCESS, 'public'), ApiSecurity({}));

/**
 * Anonymous callers allowed; a valid Bearer token sets `request.user`. Documented as "no
 * credential or a bearer token".
 */
export const OptionalAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, 'optional'),
    ApiSecurity({}),
    ApiSecurity(BEARER_SCHEME),
  );

/**
 * The route needs an authenticated caller even if `@Public()`/`@OptionalAuth()` is also present
 * (on the controller, say): for decorators such as `@Roles` whose check presumes a caller.
 */
export const NeedsCaller = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ROUTE_NEEDS_CALLER, true);

/**
 * Memoises what a guard reads from a route's metadata, per handler and controller: route metadata
 * is fixed once the app has started, and reading it through `Reflector` on every request costs
 * more than the guard's own decision. `read` must depend on the context's handler and class only.
 */
export function perRoute<T>(read: (ctx: ExecutionContext) => T): (ctx: ExecutionContext) => T {
  const memo = new WeakMap<object, WeakMap<object, { value: T }>>();
  return (ctx) => {
    const handler = ctx.getHandler();
    const controller = ctx.getClass();
    let byController = memo.get(handler);
    if (!byController) memo.set(handler, (byController = new WeakMap()));
    let entry = byController.get(controller);
    if (!entry) byController.set(controller, (entry = { value: read(ctx) }));
    return entry.value;
  };
}

/** The access of a handler: its own marker, else its controller's, else `authenticated`. */
export function routeAccess(
  reflector: Pick<Reflector, 'getAllAndOverride'>,
  handler: object,
  controller: Type<unknown> | object,
): RouteAccess {
  const targets = [handler, controller] as Parameters<Reflector['getAllAndOverride']>[1];
  if (reflector.getAllAndOverride<boolean | undefined>(ROUTE_NEEDS_CALLER, targets))
    return 'authenticated';
  return (
    reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets) ?? 'authenticated'
  );
}

export const EDGE_SAFE = 'nexus:edge-safe';

/**
 * Declares that a guard or interceptor class may be skipped for requests an edge step answers
 * (see HttpPipeline): it never refuses nor changes the answer to an anonymous request on a route
 * an edge step may answer. `why` says why, for the reader; the start-up check (EdgeSafetyCheck)
 * refuses to start with a global guard or interceptor that lacks it.
 */
export const EdgeSafe =
  (why: string): ClassDecorator =>
  (target) => {
    Reflect.defineMetadata(EDGE_SAFE, why, target);
  };

/** The reason given by `@EdgeSafe`, if the guard/interceptor (class or instance) has one. */
export function edgeSafeReason(enhancer: unknown): string | undefined {
  if (!enhancer) return undefined;
  const type = typeof enhancer === 'function' ? enhancer : (enhancer as object).constructor;
  return Reflect.getMetadata(EDGE_SAFE, type) as string | undefined;
}

/** Metadata key of the roles a route is restricted to (checked by users' global RolesGuard). */
export const ROUTE_ROLES = 'nexus:roles';

/**
 * Restricts a route to callers with one of these roles, for core's own controllers (feature
 * libs use users' `@Roles`, which sets the same key).
 */
export const RequireRoles = (...roles: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROUTE_ROLES, roles), NeedsCaller());
