import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisService } from './redis.service';

/** What an instance does with a channel's messages. */
export interface ChannelHandler<M> {
  /**
   * Handles a message, from another instance or from this one (delivered in-process, before it
   * is sent). For `publishAndWait`, the acknowledgement is sent when this returns (or resolves);
   * a handler that throws does not acknowledge.
   */
  onMessage(message: M, origin: string): void | Promise<void>;
  /**
   * Whatever this instance keeps on the strength of the channel (a copy it relies on the messages
   * to keep exact) must be dropped: called when the instance stops being trusted and again when it
   * is trusted again, since messages may have been missed in between.
   */
  onReset?(): void;
}

export interface BroadcastOutcome {
  /** True when every live instance subscribed to the channel acknowledged in time. */
  confirmed: boolean;
  /** Ids of the instances that were waited for. */
  waitedFor: string[];
  /** Ids of the instances that did not acknowledge within the time-out. */
  missing: string[];
}

export interface InstanceBroadcastOptions {
  /** How often a started instance announces itself on the channels it joined. */
  heartbeatMs: number;
  /** An instance not heard from for this long (by the Redis server's clock) is not waited for. */
  liveWindowMs: number;
  /**
   * Monotonic milliseconds of this process, used only to measure elapsed time (never compared
   * with another process's clock). Injectable for tests.
   */
  clock: () => number;
}

export const INSTANCE_BROADCAST_OPTIONS = Symbol('INSTANCE_BROADCAST_OPTIONS');

const DEFAULTS: InstanceBroadcastOptions = {
  heartbeatMs: 2_000,
  liveWindowMs: 6_000,
  clock: () => performance.now(),
};
/** Bound of every command of the broadcast's connection (publish, heartbeat, live set). */
const COMMAND_TIMEOUT_MS = 1_000;
/** How long `join()` may wait for the subscription (Redis unreachable: it gives up, untrusted). */
const JOIN_TIMEOUT_MS = 2_000;

/*
 * Heartbeats and the live set are computed with the Redis server's clock (TIME inside the script),
 * so instances whose clocks disagree still agree on who is live. KEYS: the channels' live sets.
 */
const BEAT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - tonumber(ARGV[2]))
  redis.call('PEXPIRE', key, tonumber(ARGV[2]))
end
return now`;
const LIVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZRANGEBYSCORE', KEYS[1], now - tonumber(ARGV[1]), '+inf')`;

interface BroadcastCommands {
  nexusBeat(...args: (string | number)[]): Promise<number>;
  nexusLive(key: string, windowMs: number): Promise<string[]>;
}

interface Envelope {
  id: string;
  origin: string;
  /** Channel on which the publisher waits for acknowledgements (publishAndWait only). */
  ack?: string;
  body: unknown;
}

export interface BroadcastStats {
  /** Messages per channel: sent by this instance, received from others. */
  messages: { channel: string; direction: 'sent' | 'received'; count: number }[];
  /** publishAndWait calls per channel that timed out before every live instance acknowledged. */
  ackTimeouts: { channel: string; count: number }[];
}

/**
 * Messages to every instance of the deployment on named channels, with acknowledgement and a
 * trust state for per-instance copies (docs/core.md "Instance broadcast").
 *
 * Full mode: Redis pub/sub on the main Redis (`REDIS_URL`, never evicted), a heartbeat registry
 * of the instances that joined each channel (a sorted set scored by the Redis server's time), and
 * one acknowledgement channel per instance. Embedded mode: one instance, delivery in-process.
 *
 * Started on first use (`join`, `publishAndWait`): a process that never joins a channel is never
 * in its live set, so nobody waits for it.
 */
@Injectable()
export class InstanceBroadcast implements OnModuleDestroy {
  /**
   * Emits `trusted` and `untrusted` when the trust state changes, `announced` after each
   * heartbeat, `waiting` ({ channel, instances }) when a publishAndWait starts waiting (tests,
   * diagnostics).
   */
  readonly events = new EventEmitter();
  readonly instanceId = randomUUID();
  private readonly logger = new Logger(InstanceBroadcast.name);
  private readonly options: InstanceBroadcastOptions;
  private readonly handlers = new Map<string, ChannelHandler<unknown>>();
  private readonly joins = new Map<string, Promise<void>>();
  /** Channels joined (subscribed and announced whenever the connection is up). */
  private readonly joined = new Set<string>();
  /** Channels included in the last successful heartbeat of the current subscription. */
  private readonly announced = new Set<string>();
  private readonly pending = new Map<string, { waiting: Set<string>; done: () => void }>();
  private readonly sent = new Map<string, number>();
  private readonly received = new Map<string, number>();
  private readonly timeouts = new Map<string, number>();
  private subscriber?: Redis;
  private commandConnection?: Redis & BroadcastCommands;
  private starting?: Promise<void>;
  private heartbeat?: NodeJS.Timeout;
  private subscribed = false;
  private lastBeatSentAt = Number.NEGATIVE_INFINITY;
  private trustedNow = false;
  private closed = false;

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'redisPrefix'>,
    @Optional()
    @Inject(INSTANCE_BROADCAST_OPTIONS)
    options?: Partial<InstanceBroadcastOptions>,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** False in embedded mode: one instance, messages are delivered in-process only. */
  get distributed(): boolean {
    return this.redis.enabled;
  }

  /** Registers this instance's handler of a channel (one per channel). Does not start anything. */
  on<M>(channel: string, handler: ChannelHandler<M>): void {
    if (this.handlers.has(channel)) throw new Error(`broadcast channel ${channel} has a handler`);
    this.handlers.set(channel, handler as ChannelHandler<unknown>);
  }

  /**
   * Subscribes to the channel and announces this instance on it (publishers then wait for its
   * acknowledgements). Idempotent; resolves once announced, or after a bounded wait when Redis is
   * unreachable (the instance is then untrusted until it gets through).
   */
  join(channel: string): Promise<void> {
    if (!this.handlers.has(channel)) throw new Error(`broadcast channel ${channel} has no handler`);
    if (!this.distributed) return Promise.resolve();
    let joining = this.joins.get(channel);
    if (!joining) {
      this.joined.add(channel);
      joining = this.bounded(
        this.start()
          .then(() => this.subscribe())
          .then(() => this.announcedOn(channel)),
      );
      this.joins.set(channel, joining);
    }
    return joining;
  }

  /**
   * Whether a copy kept on the strength of the channel can be relied on now: embedded mode, or
   * subscribed and announced within the live window (so every publisher waits for this instance).
   */
  isTrusted(channel: string): boolean {
    if (!this.distributed) return true;
    this.updateTrust();
    return this.trustedNow && this.announced.has(channel);
  }

  /** Fire and forget: delivered here at once, to the others best effort. Never rejects. */
  async publish(channel: string, message: unknown): Promise<void> {
    this.bump(this.sent, channel);
    const local = this.deliverLocally(channel, message);
    if (this.distributed) {
      const envelope: Envelope = { id: randomUUID(), origin: this.instanceId, body: message };
      await this.commands()
        .publish(this.channelKey(channel), JSON.stringify(envelope))
        .catch((e: Error) => this.logger.warn(`broadcast on ${channel} not sent: ${e.message}`));
    }
    await local.catch(() => undefined);
  }

  /**
   * Delivers the message to every instance and resolves once every live instance that joined the
   * channel has handled it, or after `timeoutMs` (then `missing` names the silent ones). Never
   * rejects; Redis being unreachable is reported as unconfirmed.
   */
  async publishAndWait(
    channel: string,
    message: unknown,
    { timeoutMs }: { timeoutMs: number },
  ): Promise<BroadcastOutcome> {
    this.bump(this.sent, channel);
    const local = this.deliverLocally(channel, message);
    const localDone = local.then(
      () => true,
      () => false,
    );
    if (!this.distributed) return { confirmed: await localDone, waitedFor: [], missing: [] };

    // The acknowledgements arrive on this instance's subscription.
    await this.bounded(this.start());
    const id = randomUUID();
    let waiting: Set<string>;
    try {
      const live = await this.commands().nexusLive(
        this.liveKey(channel),
        this.options.liveWindowMs,
      );
      waiting = new Set(live.filter((i) => i !== this.instanceId));
    } catch (e) {
      this.logger.error(
        `broadcast on ${channel} not sent (Redis unreachable): ${(e as Error).message}`,
      );
      await localDone;
      return { confirmed: false, waitedFor: [], missing: [] };
    }
    const waitedFor = [...waiting];
    const confirmed = new Promise<void>((resolve) => {
      if (waiting.size) this.pending.set(id, { waiting, done: resolve });
      else resolve();
    });
    const envelope: Envelope = { id, origin: this.instanceId, ack: this.ackKey(), body: message };
    this.events.emit('waiting', { channel, instances: waitedFor });
    const sent = await this.commands()
      .publish(this.channelKey(channel), JSON.stringify(envelope))
      .then(
        () => true,
        (e: Error) => {
          this.logger.error(`broadcast on ${channel} not sent: ${e.message}`);
          return false;
        },
      );
    if (!sent) {
      this.pending.delete(id);
      await localDone;
      return { confirmed: false, waitedFor, missing: waitedFor };
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([confirmed, timedOut]);
    clearTimeout(timer);
    this.pending.delete(id);
    const handledHere = await localDone;
    if (outcome === 'timeout') {
      this.bump(this.timeouts, channel);
      return { confirmed: false, waitedFor, missing: [...waiting] };
    }
    return { confirmed: handledHere, waitedFor, missing: [] };
  }

  /** Instances a publisher on the channel waits for now (by the Redis server's clock). */
  async liveInstances(channel: string): Promise<string[]> {
    if (!this.distributed) return [this.instanceId];
    return this.commands().nexusLive(this.liveKey(channel), this.options.liveWindowMs);
  }

  stats(): BroadcastStats {
    const messages: BroadcastStats['messages'] = [];
    for (const [channel, count] of this.sent) messages.push({ channel, direction: 'sent', count });
    for (const [channel, count] of this.received)
      messages.push({ channel, direction: 'received', count });
    return {
      messages,
      ackTimeouts: [...this.timeouts].map(([channel, count]) => ({ channel, count })),
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    await this.starting?.catch(() => undefined);
    this.subscribed = false;
    this.updateTrust();
    const channels = [...this.joined];
    if (this.commandConnection && channels.length) {
      await Promise.all(
        channels.map((c) => this.commandConnection!.zrem(this.liveKey(c), this.instanceId)),
      ).catch(() => undefined);
    }
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    await this.commandConnection?.quit().catch(() => this.commandConnection?.disconnect());
  }

  private channelKey(channel: string): string {
    return `${this.config.redisPrefix}:broadcast:${channel}`;
  }

  private liveKey(channel: string): string {
    return `${this.config.redisPrefix}:broadcast:live:${channel}`;
  }

  private ackKey(): string {
    return `${this.config.redisPrefix}:broadcast:ack:${this.instanceId}`;
  }

  /** Publishing and heartbeats: bounded commands, queued only while (re)connecting. */
  private commands(): Redis & BroadcastCommands {
    if (!this.commandConnection) {
      const conn = this.redis.duplicate({
        maxRetriesPerRequest: 1,
        commandTimeout: COMMAND_TIMEOUT_MS,
        connectionName: 'nexus-broadcast',
      });
      conn.defineCommand('nexusBeat', { lua: BEAT_SCRIPT });
      conn.defineCommand('nexusLive', { numberOfKeys: 1, lua: LIVE_SCRIPT });
      this.commandConnection = conn as Redis & BroadcastCommands;
    }
    return this.commandConnection;
  }

  private start(): Promise<void> {
    return (this.starting ??= this.connect());
  }

  private async connect(): Promise<void> {
    const sub = (this.subscriber = this.redis.duplicate({
      maxRetriesPerRequest: null,
      connectionName: 'nexus-broadcast-sub',
      // Resubscribed by `subscribe()` on 'ready', which handles a failure; ioredis' own
      // resubscription leaves its promise unhandled when the connection closes before the answer.
      autoResubscribe: false,
    }));
    sub.on('message', (key: string, raw: string) => this.onRaw(key, raw));
    const lost = () => {
      this.subscribed = false;
      this.announced.clear();
      this.updateTrust();
    };
    sub.on('close', lost);
    sub.on('end', lost);
    // Trusted again only once subscribed on the new connection and announced.
    sub.on('ready', () => void this.subscribe());
    this.heartbeat = setInterval(() => void this.beat(), this.options.heartbeatMs);
    this.heartbeat.unref();
    await this.subscribe();
  }

  private announcedOn(channel: string): Promise<void> {
    if (this.announced.has(channel)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!this.announced.has(channel)) return;
        this.events.off('announced', check);
        resolve();
      };
      this.events.on('announced', check);
    });
  }

  /**
   * Subscribes to the acknowledgement channel and every joined channel, then announces. Called
   * on start, on joining and on every (re)connection; a command issued while the connection is
   * being set up waits for it.
   */
  private async subscribe(): Promise<void> {
    const sub = this.subscriber;
    if (!sub || this.closed) return;
    try {
      await sub.subscribe(this.ackKey(), ...[...this.joined].map((c) => this.channelKey(c)));
    } catch (e) {
      this.logger.warn(
        `broadcast subscription failed (untrusted until it works): ${(e as Error).message}`,
      );
      return;
    }
    this.subscribed = true;
    await this.beat();
  }

  /** Announces this instance on its joined channels, only while it can hear them. */
  private async beat(): Promise<void> {
    if (!this.subscribed || this.closed) return this.updateTrust();
    const channels = [...this.joined];
    if (!channels.length) return;
    // Measured from before the command: the server's score is later, so this instance's own
    // estimate of its freshness is never more generous than the publishers' view of it.
    const sentAt = this.options.clock();
    try {
      await this.commands().nexusBeat(
        channels.length,
        ...channels.map((c) => this.liveKey(c)),
        this.instanceId,
        10 * this.options.liveWindowMs,
      );
    } catch {
      // Untrusted once the live window passes without a heartbeat.
      return this.updateTrust();
    }
    if (!this.subscribed) return this.updateTrust();
    // A heartbeat that comes after the window lapsed starts a new trusted period (reset first).
    if (sentAt - this.lastBeatSentAt >= this.options.liveWindowMs) this.setTrusted(false);
    this.lastBeatSentAt = Math.max(this.lastBeatSentAt, sentAt);
    for (const c of channels) this.announced.add(c);
    this.updateTrust();
    this.events.emit('announced');
  }

  private updateTrust(): void {
    const fresh = this.options.clock() - this.lastBeatSentAt < this.options.liveWindowMs;
    this.setTrusted(this.subscribed && fresh && !this.closed);
  }

  private setTrusted(trusted: boolean): void {
    if (trusted === this.trustedNow) return;
    this.trustedNow = trusted;
    if (!trusted) this.announced.clear();
    for (const channel of this.joined) {
      try {
        this.handlers.get(channel)?.onReset?.();
      } catch (e) {
        this.logger.error(`reset of ${channel} failed: ${(e as Error).message}`);
      }
    }
    this.events.emit(trusted ? 'trusted' : 'untrusted');
  }

  private async deliverLocally(channel: string, message: unknown): Promise<void> {
    const handler = this.handlers.get(channel);
    if (!handler) return;
    try {
      await handler.onMessage(message, this.instanceId);
    } catch (e) {
      this.logger.error(`broadcast handler of ${channel} failed: ${(e as Error).message}`);
      throw e;
    }
  }

  private onRaw(key: string, raw: string): void {
    if (key === this.ackKey()) {
      const [id, instance] = raw.split(' ');
      const p = this.pending.get(id);
      if (p && p.waiting.delete(instance) && p.waiting.size === 0) p.done();
      return;
    }
    const prefix = `${this.config.redisPrefix}:broadcast:`;
    const channel = key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
    const handler = channel === undefined ? undefined : this.handlers.get(channel);
    if (!handler || channel === undefined) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (typeof envelope?.id !== 'string' || envelope.origin === this.instanceId) return;
    this.bump(this.received, channel);
    void (async () => {
      try {
        await handler.onMessage(envelope.body, envelope.origin);
      } catch (e) {
        this.logger.error(`broadcast handler of ${channel} failed: ${(e as Error).message}`);
        return;
      }
      if (typeof envelope.ack === 'string') {
        await this.commands()
          .publish(envelope.ack, `${envelope.id} ${this.instanceId}`)
          .catch(() => undefined);
      }
    })();
  }

  private bounded(p: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      p.catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, JOIN_TIMEOUT_MS);
        timer.unref();
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private bump(counter: Map<string, number>, channel: string): void {
    counter.set(channel, (counter.get(channel) ?? 0) + 1);
  }
}
