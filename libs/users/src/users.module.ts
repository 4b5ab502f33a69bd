import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBootstrap } from './admin/admin-bootstrap.service';
import { AdminUsersController } from './admin/admin-users.controller';
import { AdminUsersService } from './admin/admin-users.service';
import { AccessTokenService } from './auth/access-token.service';
import { AccountToken } from './auth/account-token.entity';
import { AccountTokensService } from './auth/account-tokens.service';
import { AuthStateCache } from './auth/auth-state.cache';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { Authenticator } from './auth/authenticator.service';
import { JwtAuthGuard, OptionalJwtAuthGuard } from './auth/jwt-auth.guard';
import { LoginProtection } from './auth/login-protection.service';
import { PasswordHasher, passwordHashParamsProvider } from './auth/password-hasher.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { RolesGuard } from './auth/roles.guard';
import { SessionsService } from './auth/sessions.service';
import { UserSession } from './auth/user-session.entity';
import { UsersMaintenance } from './auth/users-maintenance.service';
import { UsersMailer } from './auth/users-mailer.service';
import { Follow } from './follows/follow.entity';
import { FollowsService } from './follows/follows.service';
import { DomainEvents } from './shared/domain-events';
import { ContentEventsListener } from './users/content-events.listener';
import { User } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * Accounts, authentication, roles, profiles and follows. Global so that any feature module can
 * put `@UseGuards(JwtAuthGuard)` on its controllers without importing this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User, UserSession, RefreshToken, AccountToken, Follow])],
  controllers: [AuthController, UsersController, AdminUsersController],
  providers: [
    passwordHashParamsProvider,
    PasswordHasher,
    AccessTokenService,
    AuthStateCache,
    Authenticator,
    JwtAuthGuard,
    OptionalJwtAuthGuard,
    RolesGuard,
    SessionsService,
    AccountTokensService,
    LoginProtection,
    UsersMailer,
    DomainEvents,
    UsersService,
    FollowsService,
    AuthService,
    AdminUsersService,
    AdminBootstrap,
    ContentEventsListener,
    UsersMaintenance,
  ],
  exports: [
    AccessTokenService,
    Authenticator,
    AuthStateCache,
    JwtAuthGuard,
    OptionalJwtAuthGuard,
    RolesGuard,
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
  imports: [TypeOrmModule.forFeature([UserSession, RefreshToken, AccountToken])],
  providers: [
    AccessTokenService,
    AuthStateCache,
    SessionsService,
    AccountTokensService,
    UsersMaintenance,
  ],
})
export class UsersWorkerModule {}
