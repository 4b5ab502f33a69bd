import { Injectable } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';
import { AuthStateCache, SessionState } from './auth-state.cache';
import type { AuthUser } from './auth-user';
import { SessionsRepository } from './sessions.repository';

/** Why a presented credential was refused (never shown in detail to the client). */
export type AuthFailure = 'missing' | 'invalid' | 'revoked';

export type AuthResult = { user: AuthUser } | { failure: AuthFailure };

/**
 * Turns an `Authorization` header into an AuthUser: JWT check (no I/O), then the session's state
 * (revoked? user suspended? current role) from the per-process cache or one indexed query. Role
 * and verification status come from the database, not the token, so changes apply at once.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly cache: AuthStateCache,
    private readonly sessions: SessionsRepository,
  ) {}

  async authenticate(authorization: string | undefined): Promise<AuthResult> {
    if (!authorization) return { failure: 'missing' };
    const space = authorization.indexOf(' ');
    if (space < 0 || authorization.slice(0, space).toLowerCase() !== 'bearer')
      return { failure: 'invalid' };
    const token = authorization.slice(space + 1).trim();
    if (!token || token.length > 4096) return { failure: 'invalid' };
    const claims = this.tokens.verify(token);
    if (!claims) return { failure: 'invalid' };
    const state = await this.sessionState(claims.sid);
    if (!state || !state.active || state.userId !== claims.sub) return { failure: 'revoked' };
    return {
      user: {
        id: state.userId,
        username: state.username,
        role: state.role,
        emailVerified: state.emailVerified,
        sessionId: claims.sid,
      },
    };
  }

  sessionState(sessionId: string): Promise<SessionState | null> {
    return this.cache.sessions.getOrLoad(sessionId, () => this.sessions.sessionState(sessionId));
  }
}
