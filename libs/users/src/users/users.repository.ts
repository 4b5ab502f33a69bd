import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ISO_MICROS, KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../auth/auth-user';
import type { AdminUserView, AuthorCard, LoginRecord, MeView, ProfileView } from './users.types';

/** Timestamps in answers: milliseconds, UTC, `Z`. */
const ISO_MILLIS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export interface UserRow {
  id: string;
  email: string;
  username: string;
  display_name: string;
  bio: string | null;
  avatar_url: string | null;
  role: Role;
  email_verified: boolean;
  suspended: boolean;
  suspended_reason: string | null;
  follower_count: number;
  following_count: number;
  published_article_count: number;
  /** Milliseconds for `me`/profiles, microseconds for the admin listing (its keyset). */
  created_at: string;
}

export interface AuthorCardRow {
  id: string;
  username: string;
  display_name: string;
  avatar_url: string | null;
}

interface LoginRow {
  id: string;
  email: string;
  username: string;
  display_name: string;
  password_hash: string;
  suspended: boolean;
}

export interface NewUser {
  email: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  emailVerified: boolean;
}

/** Column values of a profile edit; absent keys stay as they are. */
export interface ProfileColumns {
  displayName?: string;
  bio?: string | null;
  avatarUrl?: string | null;
}

export interface AdminUserQuery {
  limit: number;
  after?: KeysetPosition;
  role?: Role;
  status?: 'active' | 'suspended';
  /** Prefix of the username or email, already lower-cased. */
  prefix?: string;
}

const USER_COLUMNS = (
  createdAtFormat: string,
) => `id, email, username, display_name, bio, avatar_url,
  role, email_verified_at IS NOT NULL AS email_verified, suspended_at IS NOT NULL AS suspended,
  suspended_reason, follower_count, following_count, published_article_count,
  to_char(created_at AT TIME ZONE 'UTC', ${createdAtFormat}) AS created_at`;

const LOGIN_COLUMNS = `id, email, username, display_name, password_hash,
  suspended_at IS NOT NULL AS suspended`;

export const toMeView = (row: UserRow): MeView => ({
  id: row.id,
  email: row.email,
  username: row.username,
  displayName: row.display_name,
  bio: row.bio,
  avatarUrl: row.avatar_url,
  role: row.role,
  emailVerified: row.email_verified,
  followerCount: row.follower_count,
  followingCount: row.following_count,
  publishedArticleCount: row.published_article_count,
  createdAt: row.created_at,
});

export const toProfileView = (row: UserRow): ProfileView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  bio: row.bio,
  avatarUrl: row.avatar_url,
  followerCount: row.follower_count,
  followingCount: row.following_count,
  publishedArticleCount: row.published_article_count,
  createdAt: row.created_at,
});

export const toAdminUserView = (row: UserRow): AdminUserView => ({
  id: row.id,
  email: row.email,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  emailVerified: row.email_verified,
  suspended: row.suspended,
  suspendedReason: row.suspended_reason,
  createdAt: row.created_at,
});

export const toAuthorCard = (row: AuthorCardRow): AuthorCard => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  avatarUrl: row.avatar_url,
});

const toLoginRecord = (row: LoginRow): LoginRecord => ({
  id: row.id,
  email: row.email,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  suspended: row.suspended,
});

/**
 * Every statement on `users` (except the follow counters, which `FollowsRepository` keeps in step
 * with `follows`) and the reads of the `author_cards` view. Methods that may run inside a
 * service's transaction take its `EntityManager`.
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts an account; `undefined` when the email or username is taken. ON CONFLICT instead of
   * catching the unique violation: a failed statement is logged with its parameters, and one of
   * them is the password hash.
   */
  async insert(
    user: NewUser,
    em?: EntityManager,
  ): Promise<{ id: string; username: string } | undefined> {
    const [row] = returnedRows<{ id: string; username: string }>(
      await (em ?? this.dataSource).query(
        `INSERT INTO users (email, username, display_name, password_hash, role, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END)
         ON CONFLICT DO NOTHING
         RETURNING id, username`,
        [
          user.email,
          user.username,
          user.displayName,
          user.passwordHash,
          user.role,
          user.emailVerified,
        ],
      ),
    );
    return row;
  }

  /**
   * Holds `username` for `ttlSeconds` unless a live reservation holds it already; true when this
   * call holds it (an expired reservation is taken over).
   */
  async reserveUsername(
    username: string,
    ttlSeconds: number,
    em?: EntityManager,
  ): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await (em ?? this.dataSource).query(
        `INSERT INTO username_reservations (username, expires_at)
         VALUES ($1, now() + make_interval(secs => $2))
         ON CONFLICT (username) DO UPDATE SET expires_at = EXCLUDED.expires_at
           WHERE username_reservations.expires_at <= now()
         RETURNING username`,
        [username, ttlSeconds],
      ),
    );
    return rows.length > 0;
  }

  async purgeExpiredReservations(): Promise<void> {
    await this.dataSource.query(`DELETE FROM username_reservations WHERE expires_at <= now()`);
  }

  /**
   * Accounts never verified, older than `windowSeconds`, with no usable verification token left:
   * their verification window is over (they are deleted like a reservation expires).
   */
  async unverifiedPastWindow(windowSeconds: number, limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u
        WHERE u.email_verified_at IS NULL
          AND u.created_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM account_tokens t
                           WHERE t.user_id = u.id AND t.purpose = 'verify-email'
                             AND t.used_at IS NULL AND t.expires_at > now())
        ORDER BY u.created_at LIMIT ${Math.trunc(limit)}`,
      [windowSeconds],
    );
    return rows.map((r) => r.id);
  }

  /** Deletes the account only if it is still unverified (a verification may have just landed). */
  async deleteIfUnverified(id: string, em?: EntityManager): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await (em ?? this.dataSource).query(
        `DELETE FROM users WHERE id = $1 AND email_verified_at IS NULL RETURNING id`,
        [id],
      ),
    );
    return rows.length > 0;
  }

  async usernameTaken(username: string, em?: EntityManager): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await (em ?? this.dataSource).query(`SELECT 1 FROM users WHERE username = $1`, [username]),
    );
    return rows.length > 0;
  }

  /** Taken usernames among `base` and `base-*` (to pick a free one). */
  async usernamesLike(base: string): Promise<string[]> {
    const rows: { username: string }[] = await this.dataSource.query(
      `SELECT username FROM users WHERE username = $1 OR username LIKE $2`,
      [base, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`],
    );
    return rows.map((r) => r.username);
  }

  /** Public cards from the `author_cards` view, the face of an account other libs may join. */
  async authorCards(ids: string[]): Promise<AuthorCard[]> {
    const rows: AuthorCardRow[] = await this.dataSource.query(
      `SELECT id, username, display_name, avatar_url FROM author_cards WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toAuthorCard);
  }

  async findMe(id: string): Promise<MeView | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS(ISO_MILLIS)} FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] && toMeView(rows[0]);
  }

  /** Verified accounts only (an unverified one answers like an unknown one: docs/users.md). */
  async findProfile(username: string): Promise<ProfileView | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS(ISO_MILLIS)} FROM users
        WHERE username = $1 AND email_verified_at IS NOT NULL`,
      [username],
    );
    return rows[0] && toProfileView(rows[0]);
  }

  /** Public accounts only: an unverified account has no profile, followers or follows yet. */
  async idOf(username: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE username = $1 AND email_verified_at IS NOT NULL`,
      [username],
    );
    return rows[0]?.id;
  }

  /** The login columns (password hash included) by email, username or id. */
  async findLogin(
    by: 'email' | 'username' | 'id',
    value: string,
  ): Promise<LoginRecord | undefined> {
    const column = by === 'email' ? 'email' : by === 'username' ? 'username' : 'id';
    const rows: LoginRow[] = await this.dataSource.query(
      `SELECT ${LOGIN_COLUMNS} FROM users WHERE ${column} = $1`,
      [value],
    );
    return rows[0] && toLoginRecord(rows[0]);
  }

  /** Sets the given profile columns (at least one). */
  async updateProfile(id: string, changes: ProfileColumns): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (changes.displayName !== undefined) set('display_name', changes.displayName);
    if (changes.bio !== undefined) set('bio', changes.bio);
    if (changes.avatarUrl !== undefined) set('avatar_url', changes.avatarUrl);
    if (!sets.length) return;
    await this.dataSource.query(
      `UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
      params,
    );
  }

  async delete(id: string, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource).query(`DELETE FROM users WHERE id = $1`, [id]);
  }

  /** Upgrades a hash in place, unless the password changed meanwhile. */
  async replacePasswordHash(id: string, previousHash: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`,
      [id, previousHash, passwordHash],
    );
  }

  async setPasswordHash(id: string, passwordHash: string, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  }

  async markEmailVerified(id: string, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()) WHERE id = $1`,
      [id],
    );
  }

  async adjustPublishedArticleCount(id: string, delta: 1 | -1): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET published_article_count = GREATEST(published_article_count + $2, 0) WHERE id = $1`,
      [id, delta],
    );
  }

  // Administration.

  /** Newest first, keyset on (created_at, id); `limit + 1` rows so the caller sees if more exist. */
  async listForAdmin(query: AdminUserQuery): Promise<AdminUserView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (query.role) add((n) => `role = $${n}`, query.role);
    if (query.status) {
      where.push(
        query.status === 'suspended' ? 'suspended_at IS NOT NULL' : 'suspended_at IS NULL',
      );
    }
    if (query.prefix) {
      const pattern = `${query.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add((n) => `(username LIKE $${n} OR email LIKE $${n})`, pattern);
    }
    if (query.after) {
      params.push(query.after.at, query.after.id);
      where.push(
        `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(query.limit + 1);
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS(ISO_MICROS)} FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toAdminUserView);
  }

  async findForAdmin(id: string): Promise<AdminUserView | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS(ISO_MICROS)} FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] && toAdminUserView(rows[0]);
  }

  async setRole(id: string, role: Role, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE users SET role = $2, updated_at = now() WHERE id = $1`,
      [id, role],
    );
  }

  async setSuspended(
    id: string,
    suspended: boolean,
    reason: string | null,
    em?: EntityManager,
  ): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE users SET suspended_at = CASE WHEN $2::boolean THEN now() END,
              suspended_reason = CASE WHEN $2::boolean THEN $3 END, updated_at = now()
        WHERE id = $1`,
      [id, suspended, reason],
    );
  }

  /** Makes the account a verified, unsuspended admin (the configured administrator). */
  async makeActiveAdmin(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET role = 'admin', email_verified_at = COALESCE(email_verified_at, now()),
              suspended_at = NULL, suspended_reason = NULL, updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }
}
