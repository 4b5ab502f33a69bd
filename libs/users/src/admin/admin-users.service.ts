import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, isUuid, KeysetCursors, ProblemException } from '@nexus/core';
import { DataSource } from 'typeorm';
import { AuthStateCache } from '../auth/auth-state.cache';
import type { AuthUser, Role } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions.service';
import { USERS_EVENTS, UserRoleChangedEvent, UserSuspendedEvent } from '../events/users.events';
import { UsersRepository } from '../users/users.repository';
import { userNotFound } from '../users/users.service';
import type { AdminUserView } from '../users/users.types';

export type { AdminUserView } from '../users/users.types';

/** Cursor scope of the admin users listing (newest first). */
const CURSOR_SCOPE = 'users:admin-users';

export interface AdminListFilter {
  limit: number;
  cursor?: string;
  role?: Role;
  status?: 'active' | 'suspended';
  q?: string;
}

export interface AdminChanges {
  role?: Role;
  suspended?: boolean;
  reason?: string;
}

const forbidden = (detail: string) =>
  new ProblemException({ status: 403, type: 'forbidden', title: 'Forbidden', detail });

/**
 * User administration. Admins change roles and suspend anyone but themselves; moderators may
 * suspend or unsuspend plain users only.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly cursors: KeysetCursors,
    private readonly sessions: SessionsService,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
  ) {}

  /** Newest first, keyset on (created_at, id). */
  async list(
    filter: AdminListFilter,
  ): Promise<{ items: AdminUserView[]; nextCursor: string | null }> {
    const rows = await this.users.listForAdmin({
      limit: filter.limit,
      after: this.cursors.decode(CURSOR_SCOPE, filter.cursor),
      role: filter.role,
      status: filter.status,
      prefix: filter.q,
    });
    return this.cursors.page(CURSOR_SCOPE, rows, filter.limit, (u) => ({
      at: u.createdAt,
      id: u.id,
    }));
  }

  async get(id: string): Promise<AdminUserView> {
    const user = isUuid(id) ? await this.users.findForAdmin(id) : undefined;
    if (!user) throw userNotFound();
    return user;
  }

  async update(actor: AuthUser, id: string, changes: AdminChanges): Promise<AdminUserView> {
    const target = await this.get(id);
    if (changes.role === undefined && changes.suspended === undefined) {
      throw new ProblemException({
        status: 400,
        type: 'validation',
        title: 'Validation Failed',
        detail: 'Send at least one of role or suspended.',
        errors: [{ field: 'role', messages: ['role or suspended is required'] }],
      });
    }
    if (target.id === actor.id)
      throw forbidden('You cannot change your own role or suspend yourself.');
    if (actor.role !== 'admin') {
      if (changes.role !== undefined) throw forbidden('Only admins change roles.');
      if (target.role !== 'user') throw forbidden('Moderators may only suspend plain users.');
    }
    const roleChanged = changes.role !== undefined && changes.role !== target.role;
    const suspendChanged =
      changes.suspended !== undefined && changes.suspended !== target.suspended;
    await this.dataSource.transaction(async (em) => {
      if (roleChanged) await this.users.setRole(id, changes.role!, em);
      if (suspendChanged) {
        await this.users.setSuspended(id, changes.suspended!, changes.reason ?? null, em);
        if (changes.suspended) await this.sessions.revokeAll(id, 'suspended', undefined, em);
      }
    });
    if (roleChanged || suspendChanged) await this.cache.evictUser(id);
    if (roleChanged) {
      await this.events.emit(
        USERS_EVENTS.roleChanged,
        new UserRoleChangedEvent(id, changes.role!, target.role, actor.id),
      );
    }
    if (suspendChanged) {
      await this.events.emit(
        changes.suspended ? USERS_EVENTS.suspended : USERS_EVENTS.unsuspended,
        new UserSuspendedEvent(id, changes.suspended!, actor.id, changes.reason ?? null),
      );
    }
    return this.get(id);
  }
}
