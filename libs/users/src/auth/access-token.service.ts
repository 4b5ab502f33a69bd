import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { createSigner, createVerifier } from 'fast-jwt';

export const JWT_ISSUER = 'nexus';
export const JWT_AUDIENCE = 'nexus-api';

export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Session (refresh-token family) id. */
  sid: string;
  iat: number;
  exp: number;
}

/**
 * Signs and verifies HS256 access tokens. The signer and verifier are built once with the key
 * (fast-jwt keeps the HMAC key object), unlike libraries that re-import the secret on every call;
 * the verifier's small cache makes repeated checks of the same token almost free — expiry is still
 * enforced on cache hits. Only HS256 is accepted, so `alg: none` or an RS/HS confusion fails.
 */
@Injectable()
export class AccessTokenService {
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly verifier: (token: string) => AccessTokenClaims;
  readonly ttlSeconds: number;
  /**
   * The last token verified and its claims: a request's token is checked by the global limit at
   * the edge and again by the authentication guard, in the same turn of the event loop. The
   * verifier's cache would hash the token again for the second check.
   */
  private last?: { token: string; claims: AccessTokenClaims };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlSeconds = config.jwtAccessTtlSeconds;
    this.sign = createSigner({
      key: config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: config.jwtAccessTtlSeconds * 1000,
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
    });
    this.verifier = createVerifier({
      key: config.jwtSecret,
      algorithms: ['HS256'],
      allowedIss: JWT_ISSUER,
      allowedAud: JWT_AUDIENCE,
      requiredClaims: ['sub', 'sid', 'exp', 'iat'],
      cache: 10_000,
      clockTolerance: 5_000,
    });
  }

  issue(userId: string, sessionId: string): string {
    return this.sign({ sub: userId, sid: sessionId });
  }

  /** The claims of a valid token, or undefined for anything else (bad signature, expired, malformed). */
  verify(token: string): AccessTokenClaims | undefined {
    const last = this.last;
    if (last && last.token === token && last.claims.exp * 1000 > Date.now()) return last.claims;
    try {
      const claims = this.verifier(token);
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return undefined;
      this.last = { token, claims };
      return claims;
    } catch {
      return undefined;
    }
  }
}
