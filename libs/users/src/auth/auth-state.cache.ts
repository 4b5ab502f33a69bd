import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InstanceBroadcast } from '@nexus/core';
import { LocalTtlCache } from '../shared/local-ttl-cache';
import type { Role } from './auth-user';

/**
 * How long a process may keep believing a session is valid (or a "me" payload is current) after
 * a change whose eviction message it missed. Changes made through this process are evicted
 * immediately, and in full mode every other process is told over core's InstanceBroadcast
 * (Redis pub/sub) within milliseconds; this TTL is only the upper bound when such a message is lost.
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

/** Broadcast channel of auth-state evictions (see InstanceBroadcast). */
export const AUTH_EVICT_CHANNEL = 'users:auth-evict';

type EvictMessage = { kind: 'session' | 'user'; id: string };

/**
 * Per-process cache of session validity and of the `GET /users/me` payload, kept in step across
 * processes by core's InstanceBroadcast in full mode (fire and forget: the TTL bounds a lost
 * message; a process whose subscription dropped forgets everything when it is back).
 */
@Injectable()
export class AuthStateCache implements OnModuleInit {
  private readonly logger = new Logger(AuthStateCache.name);
  readonly sessions = new LocalTtlCache<SessionState | null>(AUTH_STATE_TTL_MS, MAX_ENTRIES);
  readonly me = new LocalTtlCache<object>(AUTH_STATE_TTL_MS, MAX_ENTRIES);

  constructor(private readonly broadcast: InstanceBroadcast) {}

  onModuleInit(): void {
    this.broadcast.on<EvictMessage>(AUTH_EVICT_CHANNEL, {
      onMessage: (message) => this.apply(message),
      // Trust lost or regained: evictions may have been missed meanwhile.
      onReset: () => this.clear(),
    });
    // Not awaited: with Redis unreachable at start-up the app must still start (the TTL bound
    // applies until the subscription is up; it is retried on every reconnection).
    this.broadcast
      .join(AUTH_EVICT_CHANNEL)
      .catch((e: Error) =>
        this.logger.warn(
          `auth-state eviction channel unavailable (TTL bound applies): ${e.message}`,
        ),
      );
  }

  /** Forgets one session here and in every other process. */
  async evictSession(sessionId: string): Promise<void> {
    this.publish({ kind: 'session', id: sessionId });
  }

  /** Forgets everything about one user (sessions and profile) here and in every other process. */
  async evictUser(userId: string): Promise<void> {
    this.publish({ kind: 'user', id: userId });
  }

  clear(): void {
    this.sessions.clear();
    this.me.clear();
  }

  /**
   * Applied here synchronously (the local handler runs before the first await); the others are
   * told best effort and not awaited: while Redis is down a logout must not wait on it, and the
   * other processes then fall back to the TTL bound.
   */
  private publish(message: EvictMessage): void {
    void this.broadcast.publish(AUTH_EVICT_CHANNEL, message);
  }

  private apply(message: EvictMessage): void {
    if (typeof message?.id !== 'string') return;
    if (message.kind === 'session') this.sessions.delete(message.id);
    else if (message.kind === 'user') {
      this.sessions.deleteWhere((s) => s?.userId === message.id);
      this.me.delete(message.id);
    }
  }
}
