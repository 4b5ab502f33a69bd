import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationType, NotificationType } from '../notification.types';

/** What a link turns off: the emails of one type, or the digest. */
export type UnsubscribeTarget = NotificationType | 'digest';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signed one-click unsubscribe tokens: `base64url(userId:type).mac`, HMAC-SHA256 (128 bits) under
 * a key derived from JWT_SECRET for this purpose only. No expiry: an old email's link keeps
 * working, and all it can do is turn one email type (or the digest) off for one user.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret)
      .update('nexus:notifications:unsubscribe')
      .digest();
  }

  token(userId: string, type: UnsubscribeTarget): string {
    const body = Buffer.from(`${userId}:${type}`).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  url(userId: string, type: UnsubscribeTarget): string {
    return `${this.config.publicUrl}/api/v1/notifications/unsubscribe?token=${this.token(userId, type)}`;
  }

  /** The user and type a token names, or undefined when it was not issued here. */
  verify(token: string): { userId: string; type: UnsubscribeTarget } | undefined {
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 300) return undefined;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const [userId, type] = Buffer.from(body, 'base64url').toString('utf8').split(':');
    if (!UUID.test(userId ?? '') || (type !== 'digest' && !isNotificationType(type)))
      return undefined;
    return { userId, type };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}
