import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EdgeSafe, ProblemException } from '@nexus/core';
import type { Role } from './auth-user';
import { requestOf, unauthorized } from './jwt-auth.guard';
import { ROLES_KEY } from './roles.decorator';

/**
 * The global roles guard (APP_GUARD, after JwtAuthGuard): allows the request when
 * `request.user.role` is one of the `@Roles()` listed; 403 otherwise.
 */
@Injectable()
@EdgeSafe(
  'refuses only routes with @Roles, which need a caller and so are never answered at the edge',
)
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = requestOf(ctx).user;
    if (!user) throw unauthorized('missing');
    if (!roles.includes(user.role)) {
      throw new ProblemException({
        status: 403,
        type: 'forbidden',
        title: 'Forbidden',
        detail: 'Your role does not allow this action.',
      });
    }
    return true;
  }
}
