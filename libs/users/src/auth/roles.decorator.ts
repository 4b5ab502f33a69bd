import { applyDecorators, SetMetadata } from '@nestjs/common';
import { NeedsCaller, ROUTE_ROLES } from '@nexus/core';
import type { Role } from './auth-user';

// The same key as core's `RequireRoles` (its admin routes), so one guard checks both.
export const ROLES_KEY = ROUTE_ROLES;

/**
 * Restricts a handler or controller to the given roles (checked by the global RolesGuard). The
 * route then needs an authenticated caller even if it is also marked `@Public()`/`@OptionalAuth()`.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), NeedsCaller());
