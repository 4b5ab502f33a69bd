import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisService } from '@nexus/core';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LocalTtlCache } from '../shared/local-ttl-cache';
import type { Role } from './auth-user';

/**
 * How long a process may keep believing a session is valid (or a "me" payload is current) after
 * a change whose eviction message it missed. Changes made through this process are evicted
 * immediately, and in full mode every other process is told over Redis pub/sub within
 * milliseconds; this TTL is only the upper bound when such a message is lost.
 */
export const AUTH_STATE_TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

/** What the auth guard needs to know about a session, read in one query and cached. */
export interface SessionState {
  userId: string;
  username: string;
  role: Role;
  emailVerified: boolean;
  /** False when the session is revoked/expired or the user is suspended. */
  active: boolean;
}

type EvictMessage = { origin: string; kind: 'session' | 'user'; id: string };

/**
 * Per-process cache of session validity and of the `GET /users/me` payload, kept in step across
 * processes by Redis pub/sub in full mode.
 */
@Injectable()
export class AuthStateCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthStateCache.name);
  readonly sessions = new LocalTtlCache<SessionState | null>(AUTH_STATE_TTL_MS, MAX_ENTRIES);
  readonly me = new LocalTtlCache<object>(AUTH_STATE_TTL_MS, MAX_ENTRIES);
  private readonly origin = randomUUID();
  private readonly channel: string;
  private subscriber?: Redis;

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:users:auth-evict`;
  }

  onModuleInit(): void {
    if (!this.redis.enabled) return;
    this.subscriber = this.redis.duplicate({ maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, raw: string) => this.onMessage(raw));
    // A subscriber that reconnects may have missed evictions: forget everything local.
    this.subscriber.on('ready', () => this.clear());
    // Not awaited: with Redis unreachable at start-up the app must still start (the TTL bound
    // applies until the subscription is up; ioredis re-subscribes after reconnecting).
    this.subscriber.subscribe(this.channel).catch((e: Error) =>
      this.logger.warn(`auth-state eviction channel unavailable (TTL bound applies): ${e.message}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Forgets one session here and in every other process. */
  async evictSession(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
    await this.publish({ origin: this.origin, kind: 'session', id: sessionId });
  }

  /** Forgets everything about one user (sessions and profile) here and in every other process. */
  async evictUser(userId: string): Promise<void> {
    this.dropUser(userId);
    await this.publish({ origin: this.origin, kind: 'user', id: userId });
  }

  clear(): void {
    this.sessions.clear();
    this.me.clear();
  }

  private dropUser(userId: string): void {
    this.sessions.deleteWhere((s) => s?.userId === userId);
    this.me.delete(userId);
  }

  /**
   * Best effort and not awaited by callers' requests: while Redis is down a logout must not hang on
   * ioredis's retries; the other processes then fall back to the TTL bound.
   */
  private async publish(message: EvictMessage): Promise<void> {
    if (!this.redis.client) return;
    this.redis.client
      .publish(this.channel, JSON.stringify(message))
      .catch((e: Error) => this.logger.warn(`auth-state eviction not broadcast (TTL bound applies): ${e.message}`));
  }

  private onMessage(raw: string): void {
    let message: EvictMessage;
    try {
      message = JSON.parse(raw) as EvictMessage;
    } catch {
      return;
    }
    if (message.origin === this.origin || typeof message.id !== 'string') return;
    if (message.kind === 'session') this.sessions.delete(message.id);
    else if (message.kind === 'user') this.dropUser(message.id);
  }
}
