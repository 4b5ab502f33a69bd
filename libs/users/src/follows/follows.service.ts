import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@nexus/core';
import { DataSource } from 'typeorm';
import { AuthStateCache } from '../auth/auth-state.cache';
import { USERS_EVENTS, UserFollowedEvent, UserUnfollowedEvent } from '../events/users.events';
import { DomainEvents } from '../shared/domain-events';
import { decodeCursor, encodeCursor, ISO_MICROS } from '../shared/keyset-cursor';
import { returnedRows } from '../shared/sql';

export interface FollowListItem {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  followedAt: string;
}

export interface FollowPage {
  items: FollowListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Follows, with denormalised follower/following counts on `users` kept in the same transaction
 * (profiles read them without counting).
 */
@Injectable()
export class FollowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
  ) {}

  /** Ids of everyone `userId` follows (content's feed). */
  async followingIds(userId: string): Promise<string[]> {
    const rows: { followee_id: string }[] = await this.dataSource.query(
      `SELECT followee_id FROM follows WHERE follower_id = $1`,
      [userId],
    );
    return rows.map((r) => r.followee_id);
  }

  /** Idempotent: following twice is one follow. Returns whether a new follow was created. */
  async follow(followerId: string, followeeId: string): Promise<boolean> {
    if (followerId === followeeId) {
      throw new ProblemException({ status: 422, type: 'cannot-follow-self', title: 'You cannot follow yourself' });
    }
    const created = await this.dataSource.transaction(async (em) => {
      const inserted = returnedRows<{ follower_id: string }>(
        await em.query(
          `INSERT INTO follows (follower_id, followee_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING follower_id`,
          [followerId, followeeId],
        ),
      );
      if (!inserted.length) return false;
      await em.query(`UPDATE users SET following_count = following_count + 1 WHERE id = $1`, [followerId]);
      await em.query(`UPDATE users SET follower_count = follower_count + 1 WHERE id = $1`, [followeeId]);
      return true;
    });
    if (created) {
      await Promise.all([this.cache.evictUser(followerId), this.cache.evictUser(followeeId)]);
      await this.events.emit(USERS_EVENTS.followed, new UserFollowedEvent(followerId, followeeId));
    }
    return created;
  }

  /** Idempotent: unfollowing someone not followed is a no-op. */
  async unfollow(followerId: string, followeeId: string): Promise<boolean> {
    const removed = await this.dataSource.transaction(async (em) => {
      const deleted = returnedRows<{ follower_id: string }>(
        await em.query(`DELETE FROM follows WHERE follower_id = $1 AND followee_id = $2 RETURNING follower_id`, [
          followerId,
          followeeId,
        ]),
      );
      if (!deleted.length) return false;
      await em.query(`UPDATE users SET following_count = GREATEST(following_count - 1, 0) WHERE id = $1`, [followerId]);
      await em.query(`UPDATE users SET follower_count = GREATEST(follower_count - 1, 0) WHERE id = $1`, [followeeId]);
      return true;
    });
    if (removed) {
      await Promise.all([this.cache.evictUser(followerId), this.cache.evictUser(followeeId)]);
      await this.events.emit(USERS_EVENTS.unfollowed, new UserUnfollowedEvent(followerId, followeeId));
    }
    return removed;
  }

  /** Who follows `userId`, newest first, by keyset on (created_at, follower_id). */
  followers(userId: string, limit: number, cursor?: string): Promise<FollowPage> {
    return this.page('followee_id', 'follower_id', userId, limit, cursor);
  }

  /** Whom `userId` follows, newest first, by keyset on (created_at, followee_id). */
  following(userId: string, limit: number, cursor?: string): Promise<FollowPage> {
    return this.page('follower_id', 'followee_id', userId, limit, cursor);
  }

  private async page(
    ownerColumn: 'followee_id' | 'follower_id',
    otherColumn: 'follower_id' | 'followee_id',
    userId: string,
    limit: number,
    cursor?: string,
  ): Promise<FollowPage> {
    const after = decodeCursor(cursor);
    const params: unknown[] = [userId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = `AND (f.created_at, f.${otherColumn}) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: (FollowListItem & { at: string })[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.avatar_url AS "avatarUrl",
              to_char(f.created_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS at
         FROM follows f JOIN users u ON u.id = f.${otherColumn}
        WHERE f.${ownerColumn} = $1 ${keyset}
        ORDER BY f.created_at DESC, f.${otherColumn} DESC
        LIMIT $2`,
      params,
    );
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(({ at, ...item }) => ({ ...item, followedAt: at }));
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor({ at: last.followedAt, id: last.id }) : null };
  }
}
