import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisService } from '@nexus/core';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

/** How often an instance announces itself; instances silent for 3 periods are not waited for. */
const HEARTBEAT_MS = 2_000;
const LIVE_WINDOW_MS = 3 * HEARTBEAT_MS;
/** How long a bump waits for the other instances to confirm they dropped the old tokens. */
const ACK_TIMEOUT_MS = 1_000;
/** A mirrored token is trusted at most this long without being read from Redis again. */
const MIRROR_TTL_MS = 30_000;
const MAX_SCOPES = 100_000;

interface Invalidation {
  id: string;
  origin: string;
  scopes: string[];
}

/**
 * Full mode: this instance's copy of generation tokens, so that a cached read costs no Redis
 * round trip, kept exact by **acknowledged** invalidation.
 *
 * - A writer stores the new tokens in Redis, then publishes the scopes and waits until every live
 *   instance has confirmed that it dropped its copies (bounded by ACK_TIMEOUT_MS). Only then does
 *   the write's response go out, so a client that writes and then reads from any instance gets
 *   the new version — the guarantee of reading the tokens from Redis on every request, without
 *   paying for it on reads.
 * - Instances announce themselves every HEARTBEAT_MS (a sorted set in Redis); a writer waits for
 *   the ones heard from within LIVE_WINDOW_MS.
 * - The copy is trusted only while the subscription is up and the last heartbeat was written
 *   less than LIVE_WINDOW_MS ago. Otherwise (Redis unreachable, subscriber reconnecting) every
 *   read goes to Redis as if there were no copy, and the copy is dropped when the subscription
 *   comes back, since messages may have been missed meanwhile.
 * - A token read from Redis is only copied if no invalidation arrived while it was being read
 *   (a sequence number), so a copy can never be older than an invalidation it already saw.
 *
 * Residual risk, documented in docs/content.md: an instance that stays in the live set but does
 * not process the message within ACK_TIMEOUT_MS (a stall longer than a second); the writer then
 * logs which instances did not confirm, and copies expire after MIRROR_TTL_MS at the latest.
 */
@Injectable()
export class TokenMirror implements OnModuleDestroy {
  private readonly logger = new Logger(TokenMirror.name);
  private readonly tokens = new Map<string, { token: string; at: number }>();
  private readonly instanceId = randomUUID();
  private readonly channel: string;
  private readonly ackChannel: string;
  private readonly registry: string;
  private subscriber?: Redis;
  private subscribed = false;
  private lastHeartbeat = 0;
  private heartbeat?: NodeJS.Timeout;
  private seq = 0;
  private starting?: Promise<void>;
  private readonly pending = new Map<string, { waiting: Set<string>; done: () => void }>();

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:content:gen-invalidate`;
    this.ackChannel = `${config.redisPrefix}:content:gen-ack`;
    this.registry = `${config.redisPrefix}:content:instances`;
  }

  get enabled(): boolean {
    return this.redis.enabled;
  }

  /**
   * Subscribes and starts announcing this instance, once, on first use: a process that never
   * reads or writes content through the cache (the worker, the seed command) is never waited for.
   */
  private start(): Promise<void> {
    if (!this.redis.enabled) return Promise.resolve();
    return (this.starting ??= this.connect());
  }

  private async connect(): Promise<void> {
    const sub = (this.subscriber = this.redis.duplicate({ maxRetriesPerRequest: null }));
    sub.on('message', (channel: string, raw: string) => this.onMessage(channel, raw));
    const lost = () => {
      this.subscribed = false;
      this.tokens.clear();
    };
    sub.on('close', lost);
    sub.on('end', lost);
    // Trusted again only once subscribed on the new connection, with an empty copy (messages
    // sent while disconnected were missed).
    const subscribe = () =>
      sub.subscribe(this.channel, this.ackChannel).then(
        () => {
          this.tokens.clear();
          this.subscribed = true;
          return this.beat();
        },
        (e: Error) => this.logger.warn(`token mirror off until Redis is reachable: ${e.message}`),
      );
    sub.on('ready', () => {
      lost();
      void subscribe();
    });
    await subscribe();
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    await this.starting?.catch(() => undefined);
    clearInterval(this.heartbeat);
    this.subscribed = false;
    await this.redis.client?.zrem(this.registry, this.instanceId).catch(() => undefined);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** The copied tokens of all the scopes, or undefined when one is missing or the copy is not trusted. */
  get(scopes: string[]): string[] | undefined {
    if (!this.trusted()) {
      void this.start();
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
    if (mark !== this.seq || !this.trusted()) return;
    const at = Date.now();
    scopes.forEach((s, i) => this.tokens.set(s, { token: tokens[i], at }));
    if (this.tokens.size > MAX_SCOPES) this.tokens.clear();
  }

  /**
   * After the new tokens are in Redis: drops this instance's copies, tells every other instance
   * and waits (bounded) until the live ones confirm.
   */
  async invalidate(scopes: string[]): Promise<void> {
    if (!this.redis.client) return;
    this.drop(scopes);
    await this.start(); // the confirmations arrive on this instance's subscription
    const message: Invalidation = { id: randomUUID(), origin: this.instanceId, scopes };
    let waiting: Set<string>;
    try {
      const live = await this.redis.client.zrangebyscore(
        this.registry,
        Date.now() - LIVE_WINDOW_MS,
        '+inf',
      );
      waiting = new Set(live.filter((id) => id !== this.instanceId));
    } catch (e) {
      this.logger.error(
        `cache invalidation not broadcast (Redis unreachable): ${(e as Error).message}`,
      );
      return;
    }
    if (!waiting.size) {
      await this.redis.client.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
      return;
    }
    const confirmed = new Promise<void>((resolve) =>
      this.pending.set(message.id, { waiting, done: resolve }),
    );
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), ACK_TIMEOUT_MS).unref(),
    );
    await this.redis.client.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
    const outcome = await Promise.race([confirmed, timeout]);
    const entry = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (outcome === 'timeout' && entry) {
      this.logger.warn(
        `cache invalidation of ${scopes.join(', ')} not confirmed within ${ACK_TIMEOUT_MS} ms by ${[...entry.waiting].join(', ')}`,
      );
    }
  }

  /** Instances this one currently waits for on a bump (for tests and diagnostics). */
  async liveInstances(): Promise<string[]> {
    return (
      (await this.redis.client?.zrangebyscore(
        this.registry,
        Date.now() - LIVE_WINDOW_MS,
        '+inf',
      )) ?? []
    );
  }

  get id(): string {
    return this.instanceId;
  }

  private trusted(): boolean {
    return this.subscribed && Date.now() - this.lastHeartbeat < LIVE_WINDOW_MS;
  }

  private drop(scopes: string[]): void {
    this.seq++;
    for (const s of scopes) this.tokens.delete(s);
  }

  /** Announces this instance only while it can hear invalidations (otherwise nobody waits for it). */
  private async beat(): Promise<void> {
    if (!this.subscribed || !this.redis.client) return;
    try {
      const now = Date.now();
      await this.redis.client.zadd(this.registry, now, this.instanceId);
      this.lastHeartbeat = now;
      if (Math.random() < 0.1)
        await this.redis.client.zremrangebyscore(this.registry, '-inf', now - 10 * LIVE_WINDOW_MS);
    } catch {
      // Not trusted any more once LIVE_WINDOW_MS passes without a heartbeat.
    }
  }

  private onMessage(channel: string, raw: string): void {
    if (channel === this.ackChannel) {
      const [id, instance] = raw.split(' ');
      const p = this.pending.get(id);
      if (p && p.waiting.delete(instance) && p.waiting.size === 0) p.done();
      return;
    }
    let message: Invalidation;
    try {
      message = JSON.parse(raw) as Invalidation;
    } catch {
      return;
    }
    if (!Array.isArray(message.scopes) || message.origin === this.instanceId) return;
    this.drop(message.scopes);
    this.redis.client
      ?.publish(this.ackChannel, `${message.id} ${this.instanceId}`)
      .catch(() => undefined);
  }
}
