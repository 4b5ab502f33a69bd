import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@nexus/core';
import { DataSource } from 'typeorm';
import { AuthStateCache } from '../auth/auth-state.cache';
import type { AuthUser, Role } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions.service';
import { USERS_EVENTS, UserRoleChangedEvent, UserSuspendedEvent } from '../events/users.events';
import { DomainEvents } from '../shared/domain-events';
import { decodeCursor, encodeCursor, ISO_MICROS } from '../shared/keyset-cursor';
import { UUID, userNotFound } from '../users/users.service';

export interface AdminUserView {
  id: string;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
  suspended: boolean;
  suspendedReason: string | null;
  createdAt: string;
}

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

const COLUMNS = `id, email, username, display_name AS "displayName", role,
  email_verified_at IS NOT NULL AS "emailVerified", suspended_at IS NOT NULL AS suspended,
  suspended_reason AS "suspendedReason", to_char(created_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS "createdAt"`;

const forbidden = (detail: string) => new ProblemException({ status: 403, type: 'forbidden', title: 'Forbidden', detail });

/**
 * User administration. Admins change roles and suspend anyone but themselves; moderators may
 * suspend or unsuspend plain users only.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly cache: AuthStateCache,
    private readonly events: DomainEvents,
  ) {}

  /** Newest first, keyset on (created_at, id). */
  async list(filter: AdminListFilter): Promise<{ items: AdminUserView[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.role) add((n) => `role = $${n}`, filter.role);
    if (filter.status) where.push(filter.status === 'suspended' ? 'suspended_at IS NOT NULL' : 'suspended_at IS NULL');
    if (filter.q) {
      const prefix = `${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add((n) => `(username LIKE $${n} OR email LIKE $${n})`, prefix);
    }
    const after = decodeCursor(filter.cursor);
    if (after) {
      params.push(after.at, after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: AdminUserView[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > filter.limit;
    const items = rows.slice(0, filter.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
  }

  async get(id: string): Promise<AdminUserView> {
    if (!UUID.test(id)) throw userNotFound();
    const rows: AdminUserView[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    if (!rows[0]) throw userNotFound();
    return rows[0];
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
    if (target.id === actor.id) throw forbidden('You cannot change your own role or suspend yourself.');
    if (actor.role !== 'admin') {
      if (changes.role !== undefined) throw forbidden('Only admins change roles.');
      if (target.role !== 'user') throw forbidden('Moderators may only suspend plain users.');
    }
    const roleChanged = changes.role !== undefined && changes.role !== target.role;
    const suspendChanged = changes.suspended !== undefined && changes.suspended !== target.suspended;
    await this.dataSource.transaction(async (em) => {
      if (roleChanged) await em.query(`UPDATE users SET role = $2, updated_at = now() WHERE id = $1`, [id, changes.role]);
      if (suspendChanged) {
        await em.query(
          `UPDATE users SET suspended_at = CASE WHEN $2::boolean THEN now() END,
                  suspended_reason = CASE WHEN $2::boolean THEN $3 END, updated_at = now()
            WHERE id = $1`,
          [id, changes.suspended, changes.reason ?? null],
        );
        if (changes.suspended) await this.sessions.revokeAll(id, 'suspended', undefined, em);
      }
    });
    if (roleChanged || suspendChanged) await this.cache.evictUser(id);
    if (roleChanged) {
      await this.events.emit(USERS_EVENTS.roleChanged, new UserRoleChangedEvent(id, changes.role!, target.role, actor.id));
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
