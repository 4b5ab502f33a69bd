import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, InstanceBroadcast } from '@nexus/core';

/** Broadcast channel of generation-token invalidations (see InstanceBroadcast). */
export const TOKEN_INVALIDATION_CHANNEL = 'content:gen-invalidate';
/** How long a bump waits for the other instances to confirm they dropped the old tokens. */
const ACK_TIMEOUT_MS = 1_000;
/** A mirrored token is trusted at most this long without being read from Redis again. */
const MIRROR_TTL_MS = 30_000;
const MAX_SCOPES = 100_000;

interface Invalidation {
  scopes: string[];
}

/**
 * Full mode: this instance's copy of generation tokens, so that a cached read costs no Redis
 * round trip, kept exact by **acknowledged** invalidation over core's InstanceBroadcast.
 *
 * - A writer stores the new tokens in Redis, then broadcasts the scopes and waits until every live
 *   instance has confirmed that it dropped its copies (bounded by ACK_TIMEOUT_MS). Only then does
 *   the write's response go out, so a client that writes and then reads from any instance gets
 *   the new version — the guarantee of reading the tokens from Redis on every request, without
 *   paying for it on reads.
 * - The copy is used only while the broadcast trusts this instance (subscribed, heartbeat within
 *   the live window by the Redis server's clock, so every writer waits for it). Otherwise every
 *   read goes to Redis as if there were no copy, and the copy is dropped whenever trust is lost
 *   or regained, since messages may have been missed meanwhile.
 * - A token read from Redis is only copied if no invalidation arrived while it was being read
 *   (a sequence number), so a copy can never be older than an invalidation it already saw.
 * - `CACHE_TOKEN_MIRROR=false`: no copy, this instance never joins (nobody waits for it), but
 *   its writes still wait for the instances that keep one.
 *
 * Residual risk, documented in docs/content.md: an instance that stays in the live set but does
 * not process the message within ACK_TIMEOUT_MS (a stall longer than a second); the writer then
 * logs which instances did not confirm, and copies expire after MIRROR_TTL_MS at the latest.
 */
@Injectable()
export class TokenMirror implements OnModuleInit {
  private readonly logger = new Logger(TokenMirror.name);
  private readonly tokens = new Map<string, { token: string; at: number }>();
  private seq = 0;
  /** Whether this instance keeps a copy (full mode and CACHE_TOKEN_MIRROR). */
  readonly enabled: boolean;

  constructor(
    private readonly broadcast: InstanceBroadcast,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'cacheTokenMirror'>,
  ) {
    this.enabled = broadcast.distributed && config.cacheTokenMirror;
  }

  onModuleInit(): void {
    this.broadcast.on<Invalidation>(TOKEN_INVALIDATION_CHANNEL, {
      onMessage: (message) => this.onInvalidation(message),
      onReset: () => this.reset(),
    });
  }

  /** The copied tokens of all the scopes, or undefined when one is missing or the copy is not trusted. */
  get(scopes: string[]): string[] | undefined {
    if (!this.enabled) return undefined;
    if (!this.broadcast.isTrusted(TOKEN_INVALIDATION_CHANNEL)) {
      // Joins on first use: a process that never reads through the cache is never waited for.
      void this.broadcast.join(TOKEN_INVALIDATION_CHANNEL);
      return undefined;
    }
    const now = Date.now();
    const out: string[] = [];
    for (const s of scopes) {
      const e = this.tokens.get(s);
      if (!e || now - e.at > MIRROR_TTL_MS) return undefined;
      out.push(e.token);
    }
    return out;
  }

  /** Marks the start of a Redis read whose tokens may be copied afterwards (see `fill`). */
  mark(): number {
    return this.seq;
  }

  /** Copies tokens read from Redis, unless an invalidation arrived since `mark()`. */
  fill(scopes: string[], tokens: string[], mark: number): void {
    if (!this.enabled || mark !== this.seq) return;
    if (!this.broadcast.isTrusted(TOKEN_INVALIDATION_CHANNEL)) return;
    const at = Date.now();
    scopes.forEach((s, i) => this.tokens.set(s, { token: tokens[i], at }));
    if (this.tokens.size > MAX_SCOPES) this.tokens.clear();
  }

  /**
   * After the new tokens are in Redis: drops this instance's copies, tells every other instance
   * and waits (bounded) until the live ones confirm.
   */
  async invalidate(scopes: string[]): Promise<void> {
    if (!this.broadcast.distributed) return;
    const outcome = await this.broadcast.publishAndWait(
      TOKEN_INVALIDATION_CHANNEL,
      { scopes },
      { timeoutMs: ACK_TIMEOUT_MS },
    );
    if (outcome.missing.length) {
      this.logger.warn(
        `cache invalidation of ${scopes.join(', ')} not confirmed within ${ACK_TIMEOUT_MS} ms by ${outcome.missing.join(', ')}`,
      );
    }
  }

  /** Instances a bump currently waits for (for tests and diagnostics). */
  liveInstances(): Promise<string[]> {
    return this.broadcast.liveInstances(TOKEN_INVALIDATION_CHANNEL);
  }

  get id(): string {
    return this.broadcast.instanceId;
  }

  /** Handler of the channel, for this instance's own bumps and everybody else's. */
  onInvalidation(message: Invalidation): void {
    if (!Array.isArray(message?.scopes)) return;
    this.seq++;
    for (const s of message.scopes) if (typeof s === 'string') this.tokens.delete(s);
  }

  private reset(): void {
    this.seq++;
    this.tokens.clear();
  }
}
