import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';
import type { SessionState } from './auth-state.cache';
import type { Role } from './auth-user';

export type RevokeReason =
  | 'logout'
  | 'logout-all'
  | 'refresh-reuse'
  | 'password-change'
  | 'password-reset'
  | 'suspended'
  | 'deleted';

export interface ActiveSession {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
}

/** A refresh token as rotation sees it: its family (session), its user, whether it was used. */
export interface RefreshTokenUse {
  familyId: string;
  userId: string;
  rotated: boolean;
}

export interface ActiveSessionRow {
  id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_used_at: string;
}

export interface SessionStateRow {
  user_id: string;
  username: string;
  role: Role;
  verified: boolean;
  active: boolean;
}

interface RefreshTokenUseRow {
  family_id: string;
  user_id: string;
  rotated: boolean;
}

export const toActiveSession = (row: ActiveSessionRow): ActiveSession => ({
  id: row.id,
  ip: row.ip,
  userAgent: row.user_agent,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export const toSessionState = (row: SessionStateRow): SessionState => ({
  userId: row.user_id,
  username: row.username,
  role: row.role,
  emailVerified: row.verified,
  active: row.active,
});

const toRefreshTokenUse = (row: RefreshTokenUseRow): RefreshTokenUse => ({
  familyId: row.family_id,
  userId: row.user_id,
  rotated: row.rotated,
});

const ISO_MILLIS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Every statement on `user_sessions` and `refresh_tokens`: one aggregate, a session being a
 * refresh-token family. Tokens arrive here already hashed (SHA-256); no plain token is stored.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens a session and its first refresh token in one statement; returns the session id. */
  async start(
    userId: string,
    ip: string,
    userAgent: string | null,
    ttlSeconds: number,
    tokenHash: string,
    em?: EntityManager,
  ): Promise<string> {
    const [row] = returnedRows<{ id: string }>(
      await (em ?? this.dataSource).query(
        `WITH session AS (
           INSERT INTO user_sessions (user_id, ip, user_agent, expires_at)
           VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id, user_id
         )
         INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
         SELECT id, user_id, $5, now() + make_interval(secs => $4) FROM session
         RETURNING family_id AS id`,
        [userId, ip, userAgent, ttlSeconds, tokenHash],
      ),
    );
    return row.id;
  }

  /**
   * One statement: marks the token rotated, touches the session if it and its user are still
   * active, inserts the successor. Atomic without an explicit transaction; a concurrent second
   * use of the same token waits on the row lock and then finds it rotated. `undefined` when the
   * token was not rotatable (unknown, expired or already rotated); `rotated: false` when it was
   * used up but its session or user is no longer active.
   */
  async rotate(
    tokenHash: string,
    successorHash: string,
    ttlSeconds: number,
  ): Promise<RefreshTokenUse | undefined> {
    const [row] = returnedRows<RefreshTokenUseRow>(
      await this.dataSource.query(
        `WITH used AS (
           UPDATE refresh_tokens SET rotated_at = now()
            WHERE token_hash = $1 AND rotated_at IS NULL AND expires_at > now()
            RETURNING family_id, user_id
         ), session AS (
           UPDATE user_sessions s SET last_used_at = now(), expires_at = now() + make_interval(secs => $3)
             FROM used, users u
            WHERE s.id = used.family_id AND u.id = s.user_id AND s.revoked_at IS NULL AND u.suspended_at IS NULL
            RETURNING s.id, s.user_id
         ), successor AS (
           INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
           SELECT id, user_id, $2, now() + make_interval(secs => $3) FROM session
           RETURNING family_id
         )
         SELECT used.family_id, used.user_id, EXISTS (SELECT 1 FROM successor) AS rotated FROM used`,
        [tokenHash, successorHash, ttlSeconds],
      ),
    );
    return row && toRefreshTokenUse(row);
  }

  async findToken(tokenHash: string): Promise<RefreshTokenUse | undefined> {
    const rows: RefreshTokenUseRow[] = await this.dataSource.query(
      `SELECT family_id, user_id, rotated_at IS NOT NULL AS rotated FROM refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] && toRefreshTokenUse(rows[0]);
  }

  /** Returns whether the session was active (and is now revoked). */
  async revoke(sessionId: string, reason: RevokeReason): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await this.dataSource.query(
        `UPDATE user_sessions SET revoked_at = now(), revoked_reason = $2
          WHERE id = $1 AND revoked_at IS NULL
          RETURNING id`,
        [sessionId, reason],
      ),
    );
    return rows.length > 0;
  }

  /** Revokes the active session a refresh token belongs to (logout). */
  async revokeByTokenHash(
    tokenHash: string,
  ): Promise<{ sessionId: string; userId: string } | undefined> {
    const [row] = returnedRows<{ id: string; user_id: string }>(
      await this.dataSource.query(
        `UPDATE user_sessions s SET revoked_at = now(), revoked_reason = 'logout'
           FROM refresh_tokens t
          WHERE t.token_hash = $1 AND t.family_id = s.id AND s.revoked_at IS NULL
          RETURNING s.id, s.user_id`,
        [tokenHash],
      ),
    );
    return row && { sessionId: row.id, userId: row.user_id };
  }

  /** Revokes one of the user's own active sessions; false when it is not theirs or ended. */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await this.dataSource.query(
        `UPDATE user_sessions SET revoked_at = now(), revoked_reason = 'logout'
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
          RETURNING id`,
        [sessionId, userId],
      ),
    );
    return rows.length > 0;
  }

  /** Revokes every active session of a user, optionally but one. */
  async revokeAllOf(
    userId: string,
    reason: RevokeReason,
    exceptSessionId?: string,
    em?: EntityManager,
  ): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE user_sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, exceptSessionId ?? null],
    );
  }

  /** The user's active sessions, most recently used first. */
  async listActive(userId: string): Promise<ActiveSession[]> {
    const rows: ActiveSessionRow[] = await this.dataSource.query(
      `SELECT id, ip, user_agent,
              to_char(created_at AT TIME ZONE 'UTC', ${ISO_MILLIS}) AS created_at,
              to_char(last_used_at AT TIME ZONE 'UTC', ${ISO_MILLIS}) AS last_used_at
         FROM user_sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY last_used_at DESC, id DESC
        LIMIT 100`,
      [userId],
    );
    return rows.map(toActiveSession);
  }

  /**
   * What the auth guard needs about a session, in one indexed query (the authenticated hot path,
   * cached by the caller): is it usable, and the user's current role and verification.
   */
  async sessionState(sessionId: string): Promise<SessionState | null> {
    const rows: SessionStateRow[] = await this.dataSource.query(
      `SELECT s.user_id, u.username, u.role, u.email_verified_at IS NOT NULL AS verified,
              (s.revoked_at IS NULL AND s.expires_at > now() AND u.suspended_at IS NULL) AS active
         FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1`,
      [sessionId],
    );
    return rows[0] ? toSessionState(rows[0]) : null;
  }

  /** Deletes what can no longer be used or detected: tokens long expired, sessions long dead. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`,
    );
    await this.dataSource.query(
      `DELETE FROM user_sessions WHERE expires_at < now() - interval '1 day'
          OR revoked_at < now() - interval '30 days'`,
    );
  }
}
