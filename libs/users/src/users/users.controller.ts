import { Throttle } from '@nestjs/throttler';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblems,
  ClientIp,
  isUuid,
  OptionalAuth,
  PageQueryDto,
  ProblemException,
  Public,
} from '@nexus/core';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { RequireVerifiedEmail } from '../auth/verified.decorator';
import { SessionsService } from '../auth/sessions.service';
import { FollowPage, FollowsService } from '../follows/follows.service';
import {
  ChangePasswordDto,
  DeleteAccountDto,
  FollowPageDto,
  FollowStateDto,
  MeDto,
  ProfileDto,
  SessionDto,
  UpdateProfileDto,
} from './dto/users.dto';
import { MeView, ProfileView, UsersService } from './users.service';

// `ada` is a demo author (embedded mode's demo data), so "Try it out" answers as it is.
const USERNAME_PARAM = { name: 'username', example: 'ada', description: 'A username' };

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly follows: FollowsService,
    private readonly auth: AuthService,
    private readonly sessionsService: SessionsService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The caller’s own account' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.users.getMe(user.id);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Update the caller’s profile (display name, bio, avatar URL only)' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400, 401)
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto): Promise<MeView> {
    return this.users.updateProfile(user.id, body);
  }

  @Delete('me')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete the caller’s account',
    description:
      'Needs the current password; wrong passwords count towards the login lockout of the account (429 while locked). Deletes the account and everything it owns (see docs/users.md).',
  })
  @ApiNoContentResponse({ description: 'Account deleted' })
  @ApiProblems(400, 401, 429)
  async deleteMe(
    @CurrentUser() user: AuthUser,
    @Body() body: DeleteAccountDto,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.users.deleteAccount(user.id, body.password, ip);
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the caller’s password; every other session is signed out' })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiProblems(400, 401, 429)
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.auth.changePassword(
      user.id,
      user.sessionId,
      body.currentPassword,
      body.newPassword,
      ip,
    );
  }

  @Get('me/sessions')
  @ApiOperation({ summary: 'The caller’s active sessions (devices), most recently used first' })
  @ApiOkResponse({ type: [SessionDto] })
  @ApiProblems(401)
  async sessions(@CurrentUser() user: AuthUser): Promise<SessionDto[]> {
    const sessions = await this.sessionsService.listActive(user.id);
    return sessions.map((s) => ({ ...s, current: s.id === user.sessionId }));
  }

  @Delete('me/sessions/:sessionId')
  @HttpCode(204)
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiOperation({
    summary: 'End one of the caller’s sessions (its tokens stop at their next request)',
  })
  @ApiNoContentResponse({ description: 'Session ended' })
  @ApiProblems(401, 404)
  async endSession(
    @CurrentUser() user: AuthUser,
    @Param('sessionId') sessionId: string,
  ): Promise<void> {
    if (!isUuid(sessionId) || !(await this.sessionsService.revokeOwn(user.id, sessionId))) {
      throw new ProblemException({
        status: 404,
        type: 'session-not-found',
        title: 'Session not found',
      });
    }
  }

  @Get(':username')
  @OptionalAuth()
  @ApiParam(USERNAME_PARAM)
  @ApiOperation({ summary: 'Public profile with follower, following and published-article counts' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiProblems(401, 404)
  profile(
    @Param('username') username: string,
    @CurrentUser() user?: AuthUser,
  ): Promise<ProfileView> {
    return this.users.getProfile(username, user?.id);
  }

  @Post(':username/follow')
  @Throttle({ write: {} })
  @HttpCode(200)
  @ApiParam(USERNAME_PARAM)
  @RequireVerifiedEmail()
  @ApiOperation({
    summary: 'Follow a user (idempotent)',
    description: 'Needs a verified email (403 `email-not-verified` otherwise).',
  })
  @ApiOkResponse({ type: FollowStateDto })
  @ApiProblems(401, 403, 404, 422, 429)
  async follow(
    @CurrentUser() user: AuthUser,
    @Param('username') username: string,
  ): Promise<FollowStateDto> {
    await this.follows.follow(user.id, await this.users.idOf(username));
    return { following: true };
  }

  @Delete(':username/follow')
  @Throttle({ write: {} })
  @HttpCode(200)
  @ApiParam(USERNAME_PARAM)
  @ApiOperation({ summary: 'Unfollow a user (idempotent)' })
  @ApiOkResponse({ type: FollowStateDto })
  @ApiProblems(401, 404, 429)
  async unfollow(
    @CurrentUser() user: AuthUser,
    @Param('username') username: string,
  ): Promise<FollowStateDto> {
    await this.follows.unfollow(user.id, await this.users.idOf(username));
    return { following: false };
  }

  @Get(':username/followers')
  @Public()
  @ApiParam(USERNAME_PARAM)
  @ApiOperation({ summary: 'Who follows this user, newest first (keyset pagination)' })
  @ApiOkResponse({ type: FollowPageDto })
  @ApiProblems(400, 404)
  async followers(
    @Param('username') username: string,
    @Query() query: PageQueryDto,
  ): Promise<FollowPage> {
    return this.follows.followers(await this.users.idOf(username), query.limit ?? 20, query.cursor);
  }

  @Get(':username/following')
  @Public()
  @ApiParam(USERNAME_PARAM)
  @ApiOperation({ summary: 'Whom this user follows, newest first (keyset pagination)' })
  @ApiOkResponse({ type: FollowPageDto })
  @ApiProblems(400, 404)
  async following(
    @Param('username') username: string,
    @Query() query: PageQueryDto,
  ): Promise<FollowPage> {
    return this.follows.following(await this.users.idOf(username), query.limit ?? 20, query.cursor);
  }
}
