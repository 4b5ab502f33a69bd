/** @nexus/users: accounts, JWT auth with rotating refresh tokens, roles, profiles and follows. */
export { UsersModule, UsersWorkerModule } from './users.module';
export { usersMigrations } from './migrations';

// Authorisation for every module's controllers (authentication is global: `@Public()` and
// `@OptionalAuth()` from @nexus/core open a route).
export { ROLES } from './auth/auth-user';
export type { AuthUser, Role } from './auth/auth-user';
export { Roles } from './auth/roles.decorator';
export { RequireVerifiedEmail } from './auth/verified.decorator';
export { CurrentUser } from './auth/current-user.decorator';
export { Authenticator } from './auth/authenticator.service';
export { AccessTokenService } from './auth/access-token.service';
export { AUTH_STATE_TTL_MS } from './auth/auth-state.cache';
export {
  PASSWORD_HASH_PARAMS,
  PRODUCTION_PASSWORD_HASH,
  TEST_PASSWORD_HASH,
  PasswordHasher,
} from './auth/password-hasher.service';
export type { PasswordHashParams } from './auth/password-hasher.service';

// Services other modules call.
export { UsersService } from './users/users.service';
export type { AuthorCard, CreateUserInput, MeView, ProfileView } from './users/users.types';
export { FollowsService } from './follows/follows.service';
export { AdminBootstrap } from './admin/admin-bootstrap.service';

// Domain events.
export * from './events/users.events';

// Bulk reads for other modules, in the api and the worker (notifications' fan-out and emails).
export { UserDirectory, UserDirectoryModule } from './directory/user-directory.service';
export type { FollowerIdPage, UserContact } from './directory/user-directory.service';
// GraphQL types other modules' resolvers extend (content adds `User.articles`).
export { UserModel, ProfileModel } from './graphql/users.graphql-types';
