import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../shared/sql';
import { AccessTokenService } from './access-token.service';
import { AuthStateCache } from './auth-state.cache';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Access token lifetime in seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface SessionMeta {
  ip: string;
  userAgent?: string;
}

export type RotateResult =
  | { ok: true; userId: string; sessionId: string; tokens: TokenPair }
  /** `reuse`: a rotated token came back; its whole family has been revoked. */
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reuse'; userId?: string; sessionId?: string };

export interface ActiveSession {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
}

export type RevokeReason = 'logout' | 'logout-all' | 'refresh-reuse' | 'password-change' | 'password-reset' | 'suspended' | 'deleted';

/** SHA-256 of an opaque token: what the database keeps, so a leaked table holds no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 32 random bytes, base64url: 256 bits, unguessable without any signature. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions are refresh-token families. Each refresh rotates the token; a rotated token presented
 * again means two parties hold the family (theft), so the whole family is revoked.
 */
@Injectable()
export class SessionsService {
  private readonly refreshTtlSeconds: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokenService,
    private readonly cache: AuthStateCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.refreshTtlSeconds = config.jwtRefreshTtlSeconds;
  }

  /** Opens a session for a user who just proved who they are (one statement: session + token). */
  async start(userId: string, meta: SessionMeta): Promise<{ sessionId: string; tokens: TokenPair }> {
    const refreshToken = newOpaqueToken();
    const [row] = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `WITH session AS (
           INSERT INTO user_sessions (user_id, ip, user_agent, expires_at)
           VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id, user_id
         )
         INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
         SELECT id, user_id, $5, now() + make_interval(secs => $4) FROM session
         RETURNING family_id AS id`,
        [userId, meta.ip.slice(0, 64), meta.userAgent?.slice(0, 512) ?? null, this.refreshTtlSeconds, hashToken(refreshToken)],
      ),
    );
    return { sessionId: row.id, tokens: this.pair(userId, row.id, refreshToken) };
  }

  /**
   * Exchanges a refresh token for a new pair, or says why not (reuse revokes the family).
   * The happy path is one statement — mark the token rotated, touch the session if it and its user
   * are still active, insert the successor — so it is atomic without an explicit transaction, and
   * a concurrent second use of the same token waits on the row lock and then finds it rotated.
   */
  async rotate(refreshToken: string): Promise<RotateResult> {
    const tokenHash = hashToken(refreshToken);
    const next = newOpaqueToken();
    const [used] = returnedRows<{ family_id: string; user_id: string; rotated: boolean }>(
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
        [tokenHash, hashToken(next), this.refreshTtlSeconds],
      ),
    );
    if (used?.rotated) {
      return { ok: true, userId: used.user_id, sessionId: used.family_id, tokens: this.pair(used.user_id, used.family_id, next) };
    }
    if (used) return { ok: false, reason: 'revoked', userId: used.user_id, sessionId: used.family_id };
    return this.explainFailedRotation(tokenHash);
  }

  /** The token was not rotatable: unknown, expired, or already rotated (reuse: revoke the family). */
  private async explainFailedRotation(tokenHash: string): Promise<RotateResult> {
    const [known] = returnedRows<{ family_id: string; user_id: string; rotated: boolean }>(
      await this.dataSource.query(
        `SELECT family_id, user_id, rotated_at IS NOT NULL AS rotated FROM refresh_tokens WHERE token_hash = $1`,
        [tokenHash],
      ),
    );
    if (!known) return { ok: false, reason: 'unknown' };
    if (!known.rotated) return { ok: false, reason: 'expired', userId: known.user_id, sessionId: known.family_id };
    await this.dataSource.query(
      `UPDATE user_sessions SET revoked_at = now(), revoked_reason = 'refresh-reuse' WHERE id = $1 AND revoked_at IS NULL`,
      [known.family_id],
    );
    await this.cache.evictSession(known.family_id);
    return { ok: false, reason: 'reuse', userId: known.user_id, sessionId: known.family_id };
  }

  /** Revokes the session a refresh token belongs to (logout). Unknown tokens are ignored. */
  async revokeByRefreshToken(refreshToken: string): Promise<{ userId: string; sessionId: string } | undefined> {
    const rows = returnedRows<{ id: string; user_id: string }>(
      await this.dataSource.query(
        `UPDATE user_sessions s SET revoked_at = now(), revoked_reason = 'logout'
           FROM refresh_tokens t
          WHERE t.token_hash = $1 AND t.family_id = s.id AND s.revoked_at IS NULL
          RETURNING s.id, s.user_id`,
        [hashToken(refreshToken)],
      ),
    );
    if (!rows[0]) return undefined;
    await this.cache.evictSession(rows[0].id);
    return { userId: rows[0].user_id, sessionId: rows[0].id };
  }

  async revokeSession(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
    await this.cache.evictSession(sessionId);
  }

  /** Revokes every session of a user, optionally keeping the caller's own. */
  async revokeAll(userId: string, reason: RevokeReason, exceptSessionId?: string, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE user_sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, exceptSessionId ?? null],
    );
    if (!em) await this.cache.evictUser(userId);
  }

  /** The user's active sessions, most recently used first. */
  async listActive(userId: string): Promise<ActiveSession[]> {
    return this.dataSource.query(
      `SELECT id, ip, user_agent AS "userAgent",
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              to_char(last_used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastUsedAt"
         FROM user_sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY last_used_at DESC, id DESC
        LIMIT 100`,
      [userId],
    );
  }

  /** Revokes one of the user's own sessions; false when it is not theirs or already ended. */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE user_sessions SET revoked_at = now(), revoked_reason = 'logout'
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
          RETURNING id`,
        [sessionId, userId],
      ),
    );
    if (rows.length) await this.cache.evictSession(sessionId);
    return rows.length > 0;
  }

  /** Deletes what can no longer be used or detected: tokens long expired, sessions long dead. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`);
    await this.dataSource.query(
      `DELETE FROM user_sessions WHERE expires_at < now() - interval '1 day'
          OR revoked_at < now() - interval '30 days'`,
    );
  }

  private pair(userId: string, sessionId: string, refreshToken: string): TokenPair {
    return {
      accessToken: this.accessTokens.issue(userId, sessionId),
      refreshToken,
      expiresIn: this.accessTokens.ttlSeconds,
      tokenType: 'Bearer',
    };
  }
}
