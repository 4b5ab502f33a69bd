import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, KeysetCursors, ProblemException } from '@nexus/core';
import { DataSource } from 'typeorm';
import { AuthStateCache } from '../auth/auth-state.cache';
import { USERS_EVENTS, UserFollowedEvent, UserUnfollowedEvent } from '../events/users.events';
import { FollowDirection, FollowListItem, FollowsRepository } from './follows.repository';

export type { FollowListItem } from './follows.repository';

export interface FollowPage {
  items: FollowListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** One cursor scope per listing, so a followers cursor is refused on following. */
const CURSOR_SCOPES: Record<FollowDirection, string> = {
  followers: 'users:followers',
  following: 'users:following',
};

/**
 * Follows, with the denormalised follower/following counts on `users` changed in the same
 * transaction as the edge.
 */
@Injectable()
export class FollowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly follows: FollowsRepository,
    private readonly cursors: KeysetCursors,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
  ) {}

  /** Ids of everyone `userId` follows (content's feed). */
  followingIds(userId: string): Promise<string[]> {
    return this.follows.followeeIds(userId);
  }

  isFollowing(followerId: string, followeeId: string): Promise<boolean> {
    return this.follows.exists(followerId, followeeId);
  }

  /** Idempotent: following twice is one follow. Returns whether a new follow was created. */
  async follow(followerId: string, followeeId: string): Promise<boolean> {
    if (followerId === followeeId) {
      throw new ProblemException({
        status: 422,
        type: 'cannot-follow-self',
        title: 'You cannot follow yourself',
      });
    }
    const staged = await this.dataSource.transaction(async (em) => {
      if (!(await this.follows.insert(followerId, followeeId, em))) return undefined;
      await this.follows.adjustCounts(followerId, followeeId, 1, em);
      // Durable (outbox): notifications must hear of every follow.
      return this.events.emitInTransaction(
        em,
        USERS_EVENTS.followed,
        new UserFollowedEvent(followerId, followeeId),
        { aggregateId: followeeId },
      );
    });
    if (staged) {
      await Promise.all([this.cache.evictUser(followerId), this.cache.evictUser(followeeId)]);
      await this.events.deliver(staged);
    }
    return !!staged;
  }

  /** Idempotent: unfollowing someone not followed is a no-op. */
  async unfollow(followerId: string, followeeId: string): Promise<boolean> {
    const removed = await this.dataSource.transaction(async (em) => {
      if (!(await this.follows.delete(followerId, followeeId, em))) return false;
      await this.follows.adjustCounts(followerId, followeeId, -1, em);
      return true;
    });
    if (removed) {
      await Promise.all([this.cache.evictUser(followerId), this.cache.evictUser(followeeId)]);
      await this.events.emit(
        USERS_EVENTS.unfollowed,
        new UserUnfollowedEvent(followerId, followeeId),
      );
    }
    return removed;
  }

  /** Who follows `userId`, newest first. */
  followers(userId: string, limit: number, cursor?: string): Promise<FollowPage> {
    return this.page('followers', userId, limit, cursor);
  }

  /** Whom `userId` follows, newest first. */
  following(userId: string, limit: number, cursor?: string): Promise<FollowPage> {
    return this.page('following', userId, limit, cursor);
  }

  private async page(
    direction: FollowDirection,
    userId: string,
    limit: number,
    cursor?: string,
  ): Promise<FollowPage> {
    const scope = CURSOR_SCOPES[direction];
    const after = this.cursors.decode(scope, cursor);
    const rows = await this.follows.page(direction, userId, limit, after);
    return this.cursors.page(scope, rows, limit, (f) => ({ at: f.followedAt, id: f.id }));
  }
}
