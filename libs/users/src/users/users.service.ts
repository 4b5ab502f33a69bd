import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, fieldProblem, isUuid, ProblemException } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuthStateCache } from '../auth/auth-state.cache';
import { LoginProtection } from '../auth/login-protection.service';
import { PasswordHasher } from '../auth/password-hasher.service';
import { USERS_EVENTS, UserDeletedEvent, UserUpdatedEvent } from '../events/users.events';
import { FollowsRepository } from '../follows/follows.repository';
import { normalizeEmail, normalizeUsername, USERNAME_PATTERN } from './usernames';
import { UsersRepository } from './users.repository';
import type { AuthorCard, CreateUserInput, LoginRecord, MeView, ProfileView } from './users.types';

export type { AuthorCard, CreateUserInput, LoginRecord, MeView, ProfileView } from './users.types';

export interface ProfileChanges {
  displayName?: string;
  bio?: string | null;
  avatarUrl?: string | null;
}

export function conflictFor(constraint: string): ProblemException {
  return constraint.includes('username')
    ? new ProblemException({
        status: 409,
        type: 'username-taken',
        title: 'Username already taken',
        detail: 'Choose another username.',
      })
    : new ProblemException({
        status: 409,
        type: 'email-taken',
        title: 'Email already registered',
        detail: 'This email address already has an account.',
      });
}

/**
 * Accounts and profiles: the rules over `UsersRepository` (normalisation, conflicts, password
 * checks, cache eviction, events). `me` payloads are cached per process and evicted on every
 * change.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly follows: FollowsRepository,
    private readonly hasher: PasswordHasher,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
    private readonly protection: LoginProtection,
  ) {}

  /**
   * Creates an account directly (demo seeding, admin bootstrap): no email, no password policy.
   * Duplicate email or username → 409 problem.
   */
  async createUser(
    input: CreateUserInput,
    em?: EntityManager,
  ): Promise<{ id: string; username: string }> {
    if (!USERNAME_PATTERN.test(normalizeUsername(input.username))) {
      throw fieldProblem('username', 'username must match ' + USERNAME_PATTERN.source);
    }
    const passwordHash = await this.hasher.hash(input.password);
    return this.insertUser({ ...input, passwordHash }, em);
  }

  /** Inserts an account whose password is already hashed; a taken email or username is a 409. */
  async insertUser(
    input: Omit<CreateUserInput, 'password'> & { passwordHash: string },
    em?: EntityManager,
  ): Promise<{ id: string; username: string }> {
    const username = normalizeUsername(input.username);
    const created = await this.users.insert(
      {
        email: normalizeEmail(input.email),
        username,
        displayName: input.displayName.trim(),
        passwordHash: input.passwordHash,
        role: input.role ?? 'user',
        emailVerified: input.emailVerified ?? false,
      },
      em,
    );
    if (created) return created;
    throw conflictFor((await this.users.usernameTaken(username, em)) ? 'username' : 'email');
  }

  /**
   * Public author cards for the given ids (unknown ids are simply absent from the map), read
   * from the `author_cards` view in one query.
   */
  async getAuthorCards(ids: string[]): Promise<Map<string, AuthorCard>> {
    const unique = [...new Set(ids)].filter(isUuid);
    const cards = new Map<string, AuthorCard>();
    if (!unique.length) return cards;
    for (const card of await this.users.authorCards(unique)) cards.set(card.id, card);
    return cards;
  }

  /** The caller's own account (cached per process, evicted on change). */
  async getMe(userId: string): Promise<MeView> {
    const me = await this.cache.me.getOrLoad(
      userId,
      async () => (await this.users.findMe(userId)) ?? NOT_FOUND,
    );
    if (me === NOT_FOUND) throw userNotFound();
    return me as MeView;
  }

  async getProfile(username: string, viewerId?: string): Promise<ProfileView> {
    const profile = await this.users.findProfile(lookupName(username));
    if (!profile) throw userNotFound();
    if (viewerId) profile.followedByMe = await this.follows.exists(viewerId, profile.id);
    return profile;
  }

  /** Resolves a username to an id (404 when unknown). */
  async idOf(username: string): Promise<string> {
    const id = await this.users.idOf(lookupName(username));
    if (!id) throw userNotFound();
    return id;
  }

  async updateProfile(userId: string, changes: ProfileChanges): Promise<MeView> {
    const bio = changes.bio?.trim();
    const columns = {
      displayName: changes.displayName?.trim(),
      bio: changes.bio === undefined ? undefined : bio || null,
      avatarUrl: changes.avatarUrl === undefined ? undefined : changes.avatarUrl || null,
    };
    if (Object.values(columns).some((value) => value !== undefined)) {
      await this.users.updateProfile(userId, columns);
      await this.cache.evictUser(userId);
      await this.events.emit(USERS_EVENTS.updated, new UserUpdatedEvent(userId));
    }
    return this.getMe(userId);
  }

  /** The account an email address or username names (case-insensitive), for a login. */
  findForLogin(identifier: string): Promise<LoginRecord | undefined> {
    const value = identifier.trim().toLowerCase();
    return this.users.findLogin(value.includes('@') ? 'email' : 'username', value);
  }

  findLoginRecordById(userId: string): Promise<LoginRecord | undefined> {
    return this.users.findLogin('id', userId);
  }

  /**
   * Deletes the account (deletion policy, docs/users.md): the `users` row goes, and with it, by
   * foreign-key cascade, sessions, tokens, follows and everything content rows reference it by.
   * Requires the current password so a stolen access token alone cannot destroy an account; wrong
   * passwords count towards the same lockout as login, so the token cannot be used to guess it.
   */
  async deleteAccount(userId: string, password: string, ip: string): Promise<void> {
    const account = await this.findLoginRecordById(userId);
    if (!account) throw userNotFound();
    await this.protection.assertAllowed(account.id, ip);
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      await this.protection.recordFailure(account.id, ip);
      throw fieldProblem('password', 'password is incorrect');
    }
    await this.dataSource.transaction(async (em) => {
      // Keep the other side's counters right before the follow rows cascade away.
      await this.follows.releaseCountsOf(userId, em);
      await this.users.delete(userId, em);
    });
    await this.cache.evictUser(userId);
    await this.events.emit(USERS_EVENTS.deleted, new UserDeletedEvent(userId));
  }

  /** Upgrades a hash to the current argon2 parameters, unless the password changed meanwhile. */
  rehashPassword(userId: string, previousHash: string, passwordHash: string): Promise<void> {
    return this.users.replacePasswordHash(userId, previousHash, passwordHash);
  }

  setPasswordHash(userId: string, passwordHash: string, em?: EntityManager): Promise<void> {
    return this.users.setPasswordHash(userId, passwordHash, em);
  }
}

const NOT_FOUND = Object.freeze({ notFound: true });

/** A username from a URL, or a 404 before any query if it cannot be one (e.g. NUL bytes). */
function lookupName(username: string): string {
  const name = normalizeUsername(username);
  if (!USERNAME_PATTERN.test(name)) throw userNotFound();
  return name;
}

export function userNotFound(): ProblemException {
  return new ProblemException({ status: 404, type: 'user-not-found', title: 'User not found' });
}
