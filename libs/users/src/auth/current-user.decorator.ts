import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import { requestOf } from './jwt-auth.guard';

/** The authenticated caller (`request.user`), or undefined on an anonymous request. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | undefined => requestOf(ctx).user,
);
