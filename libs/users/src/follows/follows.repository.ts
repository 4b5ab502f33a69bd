import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ISO_MICROS, KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';

/** Which side of the follow edges a listing shows. */
export type FollowDirection = 'followers' | 'following';

export interface FollowListItem {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  /** Microseconds, UTC: the listing's keyset position. */
  followedAt: string;
}

export interface FollowListRow {
  id: string;
  username: string;
  display_name: string;
  avatar_url: string | null;
  followed_at: string;
}

export const toFollowListItem = (row: FollowListRow): FollowListItem => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  avatarUrl: row.avatar_url,
  followedAt: row.followed_at,
});

/** For each direction: the column naming the listed user, the column naming the others. */
const COLUMNS: Record<FollowDirection, { owner: string; other: string }> = {
  followers: { owner: 'followee_id', other: 'follower_id' },
  following: { owner: 'follower_id', other: 'followee_id' },
};

/**
 * Every statement on `follows`, and the denormalised `follower_count`/`following_count` of
 * `users`, which only ever change together with a follow edge (profiles read them without
 * counting).
 */
@Injectable()
export class FollowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns whether the edge is new. */
  async insert(followerId: string, followeeId: string, em: EntityManager): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await em.query(
        `INSERT INTO follows (follower_id, followee_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING follower_id`,
        [followerId, followeeId],
      ),
    );
    return rows.length > 0;
  }

  /** Returns whether an edge was there. */
  async delete(followerId: string, followeeId: string, em: EntityManager): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await em.query(
        `DELETE FROM follows WHERE follower_id = $1 AND followee_id = $2 RETURNING follower_id`,
        [followerId, followeeId],
      ),
    );
    return rows.length > 0;
  }

  /** Moves both counters of one edge by `delta` (never below zero). */
  async adjustCounts(
    followerId: string,
    followeeId: string,
    delta: 1 | -1,
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `UPDATE users SET following_count = GREATEST(following_count + $2, 0) WHERE id = $1`,
      [followerId, delta],
    );
    await em.query(
      `UPDATE users SET follower_count = GREATEST(follower_count + $2, 0) WHERE id = $1`,
      [followeeId, delta],
    );
  }

  /** Takes `userId`'s edges out of the other sides' counters, before the edges cascade away. */
  async releaseCountsOf(userId: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE users SET follower_count = GREATEST(follower_count - 1, 0)
        WHERE id IN (SELECT followee_id FROM follows WHERE follower_id = $1)`,
      [userId],
    );
    await em.query(
      `UPDATE users SET following_count = GREATEST(following_count - 1, 0)
        WHERE id IN (SELECT follower_id FROM follows WHERE followee_id = $1)`,
      [userId],
    );
  }

  async exists(followerId: string, followeeId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM follows WHERE follower_id = $1 AND followee_id = $2`,
      [followerId, followeeId],
    );
    return rows.length > 0;
  }

  async followeeIds(followerId: string): Promise<string[]> {
    const rows: { followee_id: string }[] = await this.dataSource.query(
      `SELECT followee_id FROM follows WHERE follower_id = $1`,
      [followerId],
    );
    return rows.map((r) => r.followee_id);
  }

  /**
   * One page of a user's followers or followees, newest edge first, keyset on (created_at, the
   * other user's id); `limit + 1` rows so the caller sees whether more exist.
   */
  async page(
    direction: FollowDirection,
    userId: string,
    limit: number,
    after?: KeysetPosition,
  ): Promise<FollowListItem[]> {
    const { owner, other } = COLUMNS[direction];
    const params: unknown[] = [userId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = `AND (f.created_at, f.${other}) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: FollowListRow[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.avatar_url,
              to_char(f.created_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS followed_at
         FROM follows f JOIN users u ON u.id = f.${other}
        WHERE f.${owner} = $1 ${keyset}
        ORDER BY f.created_at DESC, f.${other} DESC
        LIMIT $2`,
      params,
    );
    return rows.map(toFollowListItem);
  }
}
