import { applyDecorators, SetMetadata } from '@nestjs/common';
import { NeedsCaller } from '@nexus/core';

export const VERIFIED_KEY = 'nexus:verified-email';

/**
 * The route writes something other people see (comment, reaction, follow, article): the caller's
 * email must be verified, else the global RolesGuard answers 403 `email-not-verified`. Unverified
 * accounts may read and verify only (docs/users.md). Implies an authenticated caller.
 */
export const RequireVerifiedEmail = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(VERIFIED_KEY, true), NeedsCaller());
