import { SetMetadata } from '@nestjs/common';
import type { Role } from './auth-user';

export const ROLES_KEY = 'nexus:roles';

/** Restricts a handler or controller to the given roles; use with `@UseGuards(JwtAuthGuard, RolesGuard)`. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
