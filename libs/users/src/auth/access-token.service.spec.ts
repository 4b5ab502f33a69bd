import type { AppConfig } from '@nexus/core';
import { createSigner } from 'fast-jwt';
import { AccessTokenService, JWT_AUDIENCE, JWT_ISSUER } from './access-token.service';

const SECRET = 'unit-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const service = () =>
  new AccessTokenService({ jwtSecret: SECRET, jwtAccessTtlSeconds: 900 } as AppConfig);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('AccessTokenService', () => {
  it('issues tokens it verifies, with issuer, audience, subject, session and a 15 min lifetime', () => {
    const tokens = service();
    const claims = tokens.verify(tokens.issue('user-1', 'session-1'))!;
    expect(claims).toMatchObject({
      sub: 'user-1',
      sid: 'session-1',
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
    });
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('refuses everything that is not an HS256 token of ours', () => {
    const tokens = service();
    const good = tokens.issue('user-1', 'session-1');
    const [header, payload] = good.split('.');
    const forged = [
      `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `${header}.${b64({ sub: 'admin', sid: 'session-1', iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: 9e9, iat: 1 })}.${good.split('.')[2]}`,
      createSigner({ key: SECRET, algorithm: 'HS512', iss: JWT_ISSUER, aud: JWT_AUDIENCE })({
        sub: 'u',
        sid: 's',
      }),
      createSigner({ key: 'x'.repeat(48), iss: JWT_ISSUER, aud: JWT_AUDIENCE })({
        sub: 'u',
        sid: 's',
      }),
      createSigner({
        key: SECRET,
        iss: JWT_ISSUER,
        aud: JWT_AUDIENCE,
        expiresIn: 1000,
        clockTimestamp: Date.now() - 60_000,
      })({
        sub: 'u',
        sid: 's',
      }),
      createSigner({ key: SECRET, iss: JWT_ISSUER, aud: JWT_AUDIENCE })({ sub: 'u' }),
      'garbage',
      '',
    ];
    for (const token of forged) expect(tokens.verify(token)).toBeUndefined();
  });

  it('stops accepting a token once it expires, even the one it has just verified', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    try {
      const tokens = service();
      const token = tokens.issue('user-1', 'session-1');
      expect(tokens.verify(token)?.sub).toBe('user-1');
      expect(tokens.verify(token)?.sub).toBe('user-1');
      jest.setSystemTime(new Date('2026-01-01T00:15:06Z')); // 15 min + the 5 s clock tolerance
      expect(tokens.verify(token)).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});
