import type { AppConfig } from '@nexus/core';
import { periodStartOf } from './digests/digest.service';
import { UnsubscribeLinks } from './mail/unsubscribe-links';
import { TYPE_POLICIES, NOTIFICATION_TYPES } from './notification.types';
import { milestoneOf } from './triggers/notification-triggers';

const links = (secret = 'a-secret-of-at-least-32-characters-long!!') =>
  new UnsubscribeLinks({ jwtSecret: secret, publicUrl: 'https://nexus.example' } as AppConfig);

describe('notification rules', () => {
  it('milestones: the highest of 1, 10, 100 reached', () => {
    expect([0, 1, 2, 9, 10, 99, 100, 5000].map(milestoneOf)).toEqual([
      undefined,
      1,
      1,
      1,
      10,
      10,
      100,
      100,
    ]);
  });

  it('digest periods: the UTC day, or the Monday of the UTC week', () => {
    expect(periodStartOf('daily', new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(periodStartOf('weekly', new Date('2026-12-06T23:00:00Z'))).toBe('2026-11-30'); // Sunday
    expect(periodStartOf('weekly', new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30'); // Monday
  });

  it('security notices are locked; everything else can be changed', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(TYPE_POLICIES[type].locked.length > 0).toBe(type.startsWith('security.'));
    }
  });

  it('unsubscribe tokens verify only as issued, under the same secret', () => {
    const userId = '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c';
    const token = links().token(userId, 'follower.new');
    expect(links().verify(token)).toEqual({ userId, type: 'follower.new' });
    expect(links().url(userId, 'digest')).toMatch(
      /^https:\/\/nexus\.example\/api\/v1\/notifications\/unsubscribe\?token=/,
    );
    expect(links('another-secret-of-at-least-32-characters!!').verify(token)).toBeUndefined();
    const [body, mac] = token.split('.');
    const forged = Buffer.from(`${userId}:comment.reply`).toString('base64url');
    expect(links().verify(`${forged}.${mac}`)).toBeUndefined();
    const flipped = mac.endsWith('A') ? 'B' : 'A';
    expect(links().verify(`${body}.${mac.slice(0, -1)}${flipped}`)).toBeUndefined();
    expect(links().verify('garbage')).toBeUndefined();
    const unknownType = Buffer.from(`${userId}:nope`).toString('base64url');
    expect(links().verify(`${unknownType}.${mac}`)).toBeUndefined();
  });
});
