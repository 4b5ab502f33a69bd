import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuthStateCache } from '../auth/auth-state.cache';
import type { Role } from '../auth/auth-user';
import { PasswordHasher } from '../auth/password-hasher.service';
import { USERS_EVENTS, UserDeletedEvent, UserUpdatedEvent } from '../events/users.events';
import { DomainEvents } from '../shared/domain-events';
import { returnedRows } from '../shared/sql';
import { normalizeEmail, normalizeUsername, USERNAME_PATTERN } from './usernames';

export interface CreateUserInput {
  email: string;
  username: string;
  password: string;
  displayName: string;
  role?: Role;
  emailVerified?: boolean;
}

export interface AuthorCard {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

/** The caller's own account, as `GET /users/me` returns it. */
export interface MeView {
  id: string;
  email: string;
  username: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  role: Role;
  emailVerified: boolean;
  followerCount: number;
  followingCount: number;
  publishedArticleCount: number;
  createdAt: string;
}

/** Public profile by username. */
export interface ProfileView {
  id: string;
  username: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  followerCount: number;
  followingCount: number;
  publishedArticleCount: number;
  createdAt: string;
  /** Whether the caller follows this user (absent for anonymous callers). */
  followedByMe?: boolean;
}

/** The columns a login needs, including the secret ones. */
export interface LoginRecord {
  id: string;
  email: string;
  username: string;
  displayName: string;
  passwordHash: string;
  suspended: boolean;
}

export interface ProfileChanges {
  displayName?: string;
  bio?: string | null;
  avatarUrl?: string | null;
}

const ME_COLUMNS = `id, email, username, display_name AS "displayName", bio, avatar_url AS "avatarUrl", role,
  email_verified_at IS NOT NULL AS "emailVerified", follower_count AS "followerCount",
  following_count AS "followingCount", published_article_count AS "publishedArticleCount",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

const PROFILE_COLUMNS = `id, username, display_name AS "displayName", bio, avatar_url AS "avatarUrl",
  follower_count AS "followerCount", following_count AS "followingCount",
  published_article_count AS "publishedArticleCount",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

export function conflictFor(constraint: string): ProblemException {
  return constraint.includes('username')
    ? new ProblemException({ status: 409, type: 'username-taken', title: 'Username already taken', detail: 'Choose another username.' })
    : new ProblemException({ status: 409, type: 'email-taken', title: 'Email already registered', detail: 'This email address already has an account.' });
}

/**
 * Accounts and profiles. Reads on hot paths are single raw queries returning plain objects (no
 * entity hydration); `me` payloads are cached per process and evicted on every change.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Creates an account directly (demo seeding, admin bootstrap): no email, no password policy.
   * Duplicate email or username → 409 problem.
   */
  async createUser(input: CreateUserInput, em?: EntityManager): Promise<{ id: string; username: string }> {
    if (!USERNAME_PATTERN.test(normalizeUsername(input.username))) {
      throw new ProblemException({
        status: 400,
        type: 'validation',
        title: 'Validation Failed',
        detail: 'One or more fields are invalid.',
        errors: [{ field: 'username', messages: ['username must match ' + USERNAME_PATTERN.source] }],
      });
    }
    const passwordHash = await this.hasher.hash(input.password);
    return this.insertUser({ ...input, passwordHash }, em);
  }

  /**
   * Inserts an account whose password is already hashed; a taken email or username is a 409.
   * ON CONFLICT instead of catching the unique violation: a failed statement would be logged with
   * its parameters, and one of them is the password hash.
   */
  async insertUser(
    input: Omit<CreateUserInput, 'password'> & { passwordHash: string },
    em?: EntityManager,
  ): Promise<{ id: string; username: string }> {
    const db = em ?? this.dataSource;
    const email = normalizeEmail(input.email);
    const username = normalizeUsername(input.username);
    const [row] = returnedRows<{ id: string; username: string }>(
      await db.query(
        `INSERT INTO users (email, username, display_name, password_hash, role, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END)
         ON CONFLICT DO NOTHING
         RETURNING id, username`,
        [email, username, input.displayName.trim(), input.passwordHash, input.role ?? 'user', input.emailVerified ?? false],
      ),
    );
    if (row) return row;
    const taken: { username: string }[] = await db.query(`SELECT username FROM users WHERE username = $1`, [username]);
    throw conflictFor(taken.length ? 'username' : 'email');
  }

  /** Public author cards for the given ids (unknown ids are simply absent from the map). */
  async getAuthorCards(ids: string[]): Promise<Map<string, AuthorCard>> {
    const unique = [...new Set(ids)].filter((id) => UUID.test(id));
    const cards = new Map<string, AuthorCard>();
    if (!unique.length) return cards;
    const rows: AuthorCard[] = await this.dataSource.query(
      `SELECT id, username, display_name AS "displayName", avatar_url AS "avatarUrl" FROM users WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    for (const row of rows) cards.set(row.id, row);
    return cards;
  }

  /** The caller's own account (cached per process, evicted on change). */
  async getMe(userId: string): Promise<MeView> {
    const me = (await this.cache.me.getOrLoad(userId, async () => {
      const rows: MeView[] = await this.dataSource.query(`SELECT ${ME_COLUMNS} FROM users WHERE id = $1`, [userId]);
      return rows[0] ?? NOT_FOUND;
    })) as MeView | typeof NOT_FOUND;
    if (me === NOT_FOUND) throw userNotFound();
    return me as MeView;
  }

  async getProfile(username: string, viewerId?: string): Promise<ProfileView> {
    const rows: ProfileView[] = await this.dataSource.query(
      `SELECT ${PROFILE_COLUMNS} FROM users WHERE username = $1`,
      [lookupName(username)],
    );
    const profile = rows[0];
    if (!profile) throw userNotFound();
    if (viewerId) {
      const follows: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM follows WHERE follower_id = $1 AND followee_id = $2`,
        [viewerId, profile.id],
      );
      profile.followedByMe = follows.length > 0;
    }
    return profile;
  }

  /** Resolves a username to an id (404 when unknown). */
  async idOf(username: string): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE username = $1`, [
      lookupName(username),
    ]);
    if (!rows[0]) throw userNotFound();
    return rows[0].id;
  }

  async updateProfile(userId: string, changes: ProfileChanges): Promise<MeView> {
    const sets: string[] = [];
    const params: unknown[] = [userId];
    const add = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (changes.displayName !== undefined) add('display_name', changes.displayName.trim());
    if (changes.bio !== undefined) add('bio', changes.bio === null || changes.bio.trim() === '' ? null : changes.bio.trim());
    if (changes.avatarUrl !== undefined) add('avatar_url', changes.avatarUrl || null);
    if (sets.length) {
      await this.dataSource.query(`UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      await this.cache.evictUser(userId);
      await this.events.emit(USERS_EVENTS.updated, new UserUpdatedEvent(userId));
    }
    return this.getMe(userId);
  }

  async findForLogin(identifier: string): Promise<LoginRecord | undefined> {
    const value = identifier.trim().toLowerCase();
    const column = value.includes('@') ? 'email' : 'username';
    const rows: LoginRecord[] = await this.dataSource.query(
      `SELECT id, email, username, display_name AS "displayName", password_hash AS "passwordHash",
              suspended_at IS NOT NULL AS suspended
         FROM users WHERE ${column} = $1`,
      [value],
    );
    return rows[0];
  }

  async findLoginRecordById(userId: string): Promise<LoginRecord | undefined> {
    const rows: LoginRecord[] = await this.dataSource.query(
      `SELECT id, email, username, display_name AS "displayName", password_hash AS "passwordHash",
              suspended_at IS NOT NULL AS suspended
         FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  /**
   * Deletes the account (deletion policy, docs/users.md): the `users` row goes, and with it, by
   * foreign-key cascade, sessions, tokens, follows and everything content rows reference it by.
   * Requires the current password so a stolen access token alone cannot destroy an account.
   */
  async deleteAccount(userId: string, password: string): Promise<void> {
    const account = await this.findLoginRecordById(userId);
    if (!account) throw userNotFound();
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      throw new ProblemException({
        status: 400,
        type: 'validation',
        title: 'Validation Failed',
        detail: 'One or more fields are invalid.',
        errors: [{ field: 'password', messages: ['password is incorrect'] }],
      });
    }
    await this.dataSource.transaction(async (em) => {
      // Keep the other side's counters right before the follow rows cascade away.
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
      await em.query(`DELETE FROM users WHERE id = $1`, [userId]);
    });
    await this.cache.evictUser(userId);
    await this.events.emit(USERS_EVENTS.deleted, new UserDeletedEvent(userId));
  }

  /** Upgrades a hash to the current argon2 parameters, unless the password changed meanwhile. */
  async rehashPassword(userId: string, previousHash: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, [
      userId,
      previousHash,
      passwordHash,
    ]);
  }

  async setPasswordHash(userId: string, passwordHash: string, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [userId, passwordHash],
    );
  }
}

const NOT_FOUND = Object.freeze({ notFound: true });

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A username from a URL, or a 404 before any query if it cannot be one (e.g. NUL bytes). */
function lookupName(username: string): string {
  const name = normalizeUsername(username);
  if (!USERNAME_PATTERN.test(name)) throw userNotFound();
  return name;
}

export function userNotFound(): ProblemException {
  return new ProblemException({ status: 404, type: 'user-not-found', title: 'User not found' });
}
