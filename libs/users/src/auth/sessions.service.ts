import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import { AuthStateCache } from './auth-state.cache';
import { ActiveSession, RevokeReason, SessionsRepository } from './sessions.repository';

export type { ActiveSession, RevokeReason } from './sessions.repository';

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
  | {
      ok: false;
      reason: 'unknown' | 'expired' | 'revoked' | 'reuse';
      userId?: string;
      sessionId?: string;
    };

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
    private readonly sessions: SessionsRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly cache: AuthStateCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.refreshTtlSeconds = config.jwtRefreshTtlSeconds;
  }

  /** Opens a session for a user who just proved who they are (one statement: session + token). */
  async start(
    userId: string,
    meta: SessionMeta,
    em?: EntityManager,
  ): Promise<{ sessionId: string; tokens: TokenPair }> {
    const refreshToken = newOpaqueToken();
    const sessionId = await this.sessions.start(
      userId,
      meta.ip.slice(0, 64),
      meta.userAgent?.slice(0, 512) ?? null,
      this.refreshTtlSeconds,
      hashToken(refreshToken),
      em,
    );
    return { sessionId, tokens: this.pair(userId, sessionId, refreshToken) };
  }

  /** Exchanges a refresh token for a new pair, or says why not (reuse revokes the family). */
  async rotate(refreshToken: string): Promise<RotateResult> {
    const tokenHash = hashToken(refreshToken);
    const next = newOpaqueToken();
    const used = await this.sessions.rotate(tokenHash, hashToken(next), this.refreshTtlSeconds);
    if (used?.rotated) {
      return {
        ok: true,
        userId: used.userId,
        sessionId: used.familyId,
        tokens: this.pair(used.userId, used.familyId, next),
      };
    }
    if (used)
      return { ok: false, reason: 'revoked', userId: used.userId, sessionId: used.familyId };
    return this.explainFailedRotation(tokenHash);
  }

  /** The token was not rotatable: unknown, expired, or already rotated (reuse: revoke the family). */
  private async explainFailedRotation(tokenHash: string): Promise<RotateResult> {
    const known = await this.sessions.findToken(tokenHash);
    if (!known) return { ok: false, reason: 'unknown' };
    const session = { userId: known.userId, sessionId: known.familyId };
    if (!known.rotated) return { ok: false, reason: 'expired', ...session };
    await this.sessions.revoke(known.familyId, 'refresh-reuse');
    await this.cache.evictSession(known.familyId);
    return { ok: false, reason: 'reuse', ...session };
  }

  /** Revokes the session a refresh token belongs to (logout). Unknown tokens are ignored. */
  async revokeByRefreshToken(
    refreshToken: string,
  ): Promise<{ userId: string; sessionId: string } | undefined> {
    const revoked = await this.sessions.revokeByTokenHash(hashToken(refreshToken));
    if (revoked) await this.cache.evictSession(revoked.sessionId);
    return revoked;
  }

  async revokeSession(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.sessions.revoke(sessionId, reason);
    await this.cache.evictSession(sessionId);
  }

  /**
   * Revokes every session of a user, optionally keeping the caller's own. Inside a transaction
   * (`em`) the caller evicts after commit.
   */
  async revokeAll(
    userId: string,
    reason: RevokeReason,
    exceptSessionId?: string,
    em?: EntityManager,
  ): Promise<void> {
    await this.sessions.revokeAllOf(userId, reason, exceptSessionId, em);
    if (!em) await this.cache.evictUser(userId);
  }

  /** The user's active sessions, most recently used first. */
  listActive(userId: string): Promise<ActiveSession[]> {
    return this.sessions.listActive(userId);
  }

  /** Revokes one of the user's own sessions; false when it is not theirs or already ended. */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    const revoked = await this.sessions.revokeOwn(userId, sessionId);
    if (revoked) await this.cache.evictSession(sessionId);
    return revoked;
  }

  purgeExpired(): Promise<void> {
    return this.sessions.purgeExpired();
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
