import { SetMetadata, type Type } from '@nestjs/common';

export const ROUTE_LIMIT_TWIN = 'nexus:route-limit-twin';

/**
 * Counts a handler against the named route limits (`@Throttle`) of another route: a GraphQL
 * mutation and its REST twin then share one counter, so an API cannot be used to get round the
 * other's limit. `@RouteLimitTwin(AuthController, 'login')` on the `login` resolver.
 */
export const RouteLimitTwin = <T>(controller: Type<T>, method: keyof T & string) =>
  SetMetadata(ROUTE_LIMIT_TWIN, `${controller.name}-${method}`);
