import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminBootstrap } from './admin/admin-bootstrap.service';
import { AdminUsersController } from './admin/admin-users.controller';
import { AdminUsersService } from './admin/admin-users.service';
import { AccessTokenService } from './auth/access-token.service';
import { AccountTokensRepository } from './auth/account-tokens.repository';
import { AccountTokensService } from './auth/account-tokens.service';
import { AuthStateCache } from './auth/auth-state.cache';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { Authenticator } from './auth/authenticator.service';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { LoginProtection } from './auth/login-protection.service';
import { PasswordHasher, passwordHashParamsProvider } from './auth/password-hasher.service';
import { RolesGuard } from './auth/roles.guard';
import { SessionsRepository } from './auth/sessions.repository';
import { SessionsService } from './auth/sessions.service';
import { UsersMaintenance } from './auth/users-maintenance.service';
import { UsersMailer } from './auth/users-mailer.service';
import { AuthResolver } from './graphql/auth.resolver';
import { UsersResolver } from './graphql/users.resolver';
import { FollowsRepository } from './follows/follows.repository';
import { FollowsService } from './follows/follows.service';
import { ContentEventsListener } from './users/content-events.listener';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/**
 * Accounts, authentication, roles, profiles and follows. Provides the global guards (deny by
 * default: every route of every module needs a valid access token unless marked `@Public()` or
 * `@OptionalAuth()`, see docs/users.md). Global so that any feature module can use its services.
 */
@Global()
@Module({
  controllers: [AuthController, UsersController, AdminUsersController],
  providers: [
    UsersRepository,
    SessionsRepository,
    AccountTokensRepository,
    FollowsRepository,
    passwordHashParamsProvider,
    PasswordHasher,
    AccessTokenService,
    AuthStateCache,
    Authenticator,
    // Global guards run in the order they are provided: authentication, then roles.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    SessionsService,
    AccountTokensService,
    LoginProtection,
    UsersMailer,
    UsersService,
    FollowsService,
    AuthService,
    AdminUsersService,
    AdminBootstrap,
    ContentEventsListener,
    UsersMaintenance,
    AuthResolver,
    UsersResolver,
  ],
  exports: [
    AccessTokenService,
    Authenticator,
    AuthStateCache,
    UsersService,
    FollowsService,
    PasswordHasher,
  ],
})
export class UsersModule {}

/**
 * What the worker process runs of this module: the hourly purge of expired sessions and tokens
 * (UsersMaintenance) and what it needs; no controllers, guards or request-path services.
 */
@Module({
  providers: [
    SessionsRepository,
    AccountTokensRepository,
    UsersRepository,
    FollowsRepository,
    AccessTokenService,
    AuthStateCache,
    SessionsService,
    AccountTokensService,
    UsersMaintenance,
  ],
})
export class UsersWorkerModule {}
