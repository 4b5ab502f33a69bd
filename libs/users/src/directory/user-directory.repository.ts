import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ISO_MICROS, KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';

/** How another module may reach an account: address, names and whether mail may go there. */
export interface UserContact {
  id: string;
  email: string;
  username: string;
  displayName: string;
  emailVerified: boolean;
  suspended: boolean;
}

/** One page of an author's follower ids, oldest position last; `next` resumes after it. */
export interface FollowerIdPage {
  ids: string[];
  next: KeysetPosition | null;
}

interface ContactRow {
  id: string;
  email: string;
  username: string;
  display_name: string;
  email_verified: boolean;
  suspended: boolean;
}

/** Read-only statements other modules need in bulk (notifications' fan-out, emails, admins). */
@Injectable()
export class UserDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Followers of `followeeId` in the order of `idx_follows_followee_created` (newest first). */
  async followerIds(
    followeeId: string,
    limit: number,
    after: KeysetPosition | null,
  ): Promise<FollowerIdPage> {
    const params: unknown[] = [followeeId, limit];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = `AND (created_at, follower_id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows = returnedRows<{ id: string; at: string }>(
      await this.dataSource.query(
        `SELECT follower_id AS id, to_char(created_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS at
           FROM follows
          WHERE followee_id = $1 ${keyset}
          ORDER BY created_at DESC, follower_id DESC
          LIMIT $2`,
        params,
      ),
    );
    const last = rows[rows.length - 1];
    return {
      ids: rows.map((r) => r.id),
      next: rows.length === limit && last ? { at: last.at, id: last.id } : null,
    };
  }

  async contacts(ids: string[]): Promise<UserContact[]> {
    if (!ids.length) return [];
    const rows = returnedRows<ContactRow>(
      await this.dataSource.query(
        `SELECT id, email, username, display_name, email_verified_at IS NOT NULL AS email_verified,
                suspended_at IS NOT NULL AS suspended
           FROM users WHERE id = ANY($1::uuid[])`,
        [ids],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      username: r.username,
      displayName: r.display_name,
      emailVerified: r.email_verified,
      suspended: r.suspended,
    }));
  }

  async adminIds(): Promise<string[]> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `SELECT id FROM users WHERE role = 'admin' AND suspended_at IS NULL ORDER BY id`,
      ),
    );
    return rows.map((r) => r.id);
  }
}
