import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, InstanceBroadcast, ProblemException } from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { NotificationMetrics } from '../notification-metrics';
import {
  CHANGED_CHANNEL,
  ChangedMessage,
  NotificationsService,
} from '../notifications/notifications.service';
import { StoredNotification } from '../notifications/notifications.repository';

const REPLAY_PAGE = 200;
const LAST_EVENT_ID = /^\d{1,15}$/;

/** One open stream: where it stands in the user's sequence, and a queue of writes. */
class Stream {
  lastSeq: number;
  private chain: Promise<void> = Promise.resolve();
  closed = false;

  constructor(
    readonly userId: string,
    readonly raw: ServerResponse,
    lastSeq: number,
  ) {
    this.lastSeq = lastSeq;
  }

  /** Runs `work` after the previous work of this stream (catch-ups never interleave). */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(work).catch(() => undefined);
    return this.chain;
  }

  write(chunk: string): void {
    if (!this.closed) this.raw.write(chunk);
  }
}

/**
 * The live notification streams of this api instance (Server-Sent Events). Each instance learns
 * of changes through the broadcast channel `notifications:changed` (the user ids whose
 * notifications changed, from any process), then reads what its streams have not seen from the
 * database: live delivery and `Last-Event-ID` replay are the same catch-up, so a missed message
 * only delays, never loses, a notification.
 */
@Injectable()
export class NotificationStreams
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(NotificationStreams.name);
  private readonly byUser = new Map<string, Set<Stream>>();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly broadcast: InstanceBroadcast,
    private readonly metrics: NotificationMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.broadcast.on<ChangedMessage>(CHANGED_CHANNEL, {
      onMessage: (m) => {
        for (const userId of m.users) this.catchUpUser(userId);
      },
      // Messages may have been missed while Redis was away: every stream looks again.
      onReset: () => {
        for (const userId of this.byUser.keys()) this.catchUpUser(userId);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.broadcast.join(CHANGED_CHANNEL);
  }

  /** Ends every stream, so that the server can close (clients reconnect elsewhere). */
  beforeApplicationShutdown(): void {
    for (const streams of this.byUser.values()) for (const s of streams) s.raw.end();
  }

  /** Streams open for a user on this instance (tests, metrics). */
  count(userId?: string): number {
    if (userId) return this.byUser.get(userId)?.size ?? 0;
    let n = 0;
    for (const s of this.byUser.values()) n += s.size;
    return n;
  }

  /**
   * Opens a stream for the caller. Refusals (406 without `Accept: text/event-stream`, 400 for a
   * bad `Last-Event-ID`, 429 over the per-user bound) are thrown before anything is written.
   */
  async open(userId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const accept = String(request.headers.accept ?? '');
    if (!accept.includes('text/event-stream')) {
      throw new ProblemException({
        status: 406,
        type: 'not-acceptable',
        title: 'This is an event stream',
        detail: 'Send Accept: text/event-stream (an EventSource does).',
      });
    }
    const lastEventId = request.headers['last-event-id'];
    if (lastEventId !== undefined && !LAST_EVENT_ID.test(String(lastEventId))) {
      throw new ProblemException({
        status: 400,
        type: 'invalid-last-event-id',
        title: 'Invalid Last-Event-ID',
        detail: 'Last-Event-ID must be the id of an event this stream sent.',
      });
    }
    if (this.count(userId) >= this.config.notificationsMaxStreams) {
      throw new ProblemException({
        status: 429,
        type: 'too-many-streams',
        title: 'Too many notification streams',
        detail: `At most ${this.config.notificationsMaxStreams} streams per user; close one first.`,
      });
    }
    const from =
      lastEventId !== undefined ? Number(lastEventId) : await this.notifications.lastSeq(userId);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const stream = new Stream(userId, raw, from);
    let streams = this.byUser.get(userId);
    if (!streams) this.byUser.set(userId, (streams = new Set()));
    streams.add(stream);
    this.metrics.streams.inc();

    const heartbeat = setInterval(
      () => stream.write(': heartbeat\n\n'),
      this.config.notificationsHeartbeatMs,
    );
    // The access token expires: the stream ends with it, and the client reconnects with a new
    // token and its Last-Event-ID.
    const expiry = setTimeout(() => raw.end(), this.config.jwtAccessTtlSeconds * 1000);
    heartbeat.unref();
    expiry.unref();
    raw.on('close', () => {
      stream.closed = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      streams!.delete(stream);
      if (!streams!.size) this.byUser.delete(userId);
      this.metrics.streams.dec();
    });

    stream.write(`retry: 3000\n\n`);
    await this.catchUp(stream);
  }

  private catchUpUser(userId: string): void {
    for (const s of this.byUser.get(userId) ?? []) void this.catchUp(s);
  }

  /** Sends what the stream has not seen (in sequence order), then the unread count. */
  private catchUp(stream: Stream): Promise<void> {
    return stream.enqueue(async () => {
      try {
        for (;;) {
          const rows = await this.notifications.since(stream.userId, stream.lastSeq, REPLAY_PAGE);
          for (const n of rows) this.send(stream, n);
          if (rows.length < REPLAY_PAGE || stream.closed) break;
        }
        const count = await this.notifications.unreadCount(stream.userId);
        stream.write(`event: unread-count\ndata: ${JSON.stringify({ count })}\n\n`);
      } catch (e) {
        this.logger.warn(`stream of ${stream.userId}: ${(e as Error).message}`);
      }
    });
  }

  private send(stream: Stream, n: StoredNotification): void {
    const { recipientId: _recipient, ...view } = n;
    stream.write(`id: ${n.seq}\nevent: notification\ndata: ${JSON.stringify(view)}\n\n`);
    stream.lastSeq = Math.max(stream.lastSeq, n.seq);
  }
}
