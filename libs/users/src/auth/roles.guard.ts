import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EdgeSafe, perRoute, ProblemException } from '@nexus/core';
import type { Role } from './auth-user';
import { requestOf, unauthorized } from './jwt-auth.guard';
import { ROLES_KEY } from './roles.decorator';
import { VERIFIED_KEY } from './verified.decorator';

/**
 * The global roles guard (APP_GUARD, after JwtAuthGuard): allows the request when
 * `request.user.role` is one of the `@Roles()` listed, and, on `@RequireVerifiedEmail()` routes,
 * when the caller's email is verified; 403 otherwise.
 */
@Injectable()
@EdgeSafe(
  'refuses only routes with @Roles or @RequireVerifiedEmail, which need a caller and so are never answered at the edge',
)
export class RolesGuard implements CanActivate {
  private readonly rulesOf = perRoute((ctx) => {
    const targets = [ctx.getHandler(), ctx.getClass()];
    return {
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      verified: this.reflector.getAllAndOverride<boolean | undefined>(VERIFIED_KEY, targets),
    };
  });

  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const { roles, verified } = this.rulesOf(ctx);
    if (!roles?.length && !verified) return true;
    const user = requestOf(ctx).user;
    if (!user) throw unauthorized('missing');
    if (verified && !user.emailVerified) {
      throw new ProblemException({
        status: 403,
        type: 'email-not-verified',
        title: 'Email not verified',
        detail:
          'Confirm your email address first (the link we sent; POST /api/v1/auth/verify-email/resend for a new one). Until then the account can read, not write.',
      });
    }
    if (!roles?.length) return true;
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
