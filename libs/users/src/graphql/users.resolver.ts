import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { OptionalAuth } from '@nexus/core';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { FollowsService } from '../follows/follows.service';
import { UsersService } from '../users/users.service';
import type { MeView, ProfileView } from '../users/users.types';
import { MeModel, ProfileModel, UsernameArgs } from './users.graphql-types';

/** `me`, `user(username)`, `follow`, `unfollow`: the same UsersService/FollowsService calls as REST. */
@Resolver()
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly follows: FollowsService,
  ) {}

  @Query(() => MeModel, { description: "The caller's own account (needs a token)" })
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.users.getMe(user.id);
  }

  @Query(() => ProfileModel, { description: 'A public profile by username' })
  @OptionalAuth()
  user(@Args() args: UsernameArgs, @CurrentUser() viewer?: AuthUser): Promise<ProfileView> {
    return this.users.getProfile(args.username, viewer?.id);
  }

  @Mutation(() => Boolean, { description: 'Follow a user (idempotent); answers the new state' })
  @Throttle({ write: {} })
  async follow(@CurrentUser() user: AuthUser, @Args() args: UsernameArgs): Promise<boolean> {
    await this.follows.follow(user.id, await this.users.idOf(args.username));
    return true;
  }

  @Mutation(() => Boolean, { description: 'Unfollow a user (idempotent); answers the new state' })
  @Throttle({ write: {} })
  async unfollow(@CurrentUser() user: AuthUser, @Args() args: UsernameArgs): Promise<boolean> {
    await this.follows.unfollow(user.id, await this.users.idOf(args.username));
    return false;
  }
}
