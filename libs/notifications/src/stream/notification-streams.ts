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
/** A position: the watermark, then the seqs above it already sent (`12` or `12.15.16`). */
const LAST_EVENT_ID = /^\d{1,15}(?:\.\d{1,15}){0,64}$/;
/** Seqs above the watermark carried in an event id (past it, a replay may repeat some). */
const MAX_SENT_IN_ID = 64;
/** Snapshots waiting for their transactions to end (older ones are dropped: W only lags more). */
const MAX_CHECKPOINTS = 16;

/**
 * One open stream and where it stands. `seq` is taken at insert, so rows may become visible out of
 * seq order (a transaction that took seq 5 commits after one that took seq 6). The stream keeps
 * a **watermark** W — every row with seq ≤ W that will ever be visible has been sent — and the
 * seqs above W it already sent; it reads `seq > W` and skips those. W moves to the highest seq a
 * read covered once every transaction in progress at that read's snapshot has ended (a later
 * snapshot's xmin ≥ that snapshot's xmax): a transaction takes its id before its seq
 * (`insertMany`; the fan-out locks its checkpoint first), so a row not yet visible then belongs
 * to one of those transactions. The event id is the position (W and the seqs above it), so a
 * reconnect with `Last-Event-ID` resumes exactly: nothing missed, nothing twice.
 */
class Stream {
  watermark: number;
  readonly sentAbove = new Set<number>();
  private checkpoints: { boundary: number; xmax: number }[] = [];
  private chain: Promise<void> = Promise.resolve();
  closed = false;

  constructor(
    readonly userId: string,
    readonly raw: ServerResponse,
    position: { watermark: number; sent: number[] },
  ) {
    this.watermark = position.watermark;
    for (const seq of position.sent) if (seq > this.watermark) this.sentAbove.add(seq);
  }

  /** Runs `work` after the previous work of this stream (catch-ups never interleave). */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(work).catch(() => undefined);
    return this.chain;
  }

  write(chunk: string): void {
    if (!this.closed) this.raw.write(chunk);
  }

  /** After a read that covered every visible row up to `boundary`, with that snapshot. */
  settle(boundary: number, xmin: number, xmax: number): void {
    this.checkpoints.push({ boundary, xmax });
    if (this.checkpoints.length > MAX_CHECKPOINTS) this.checkpoints.shift();
    this.checkpoints = this.checkpoints.filter((c) => {
      if (c.xmax > xmin) return true;
      this.watermark = Math.max(this.watermark, c.boundary);
      return false;
    });
    for (const seq of this.sentAbove) if (seq <= this.watermark) this.sentAbove.delete(seq);
  }

  position(): string {
    const sent = [...this.sentAbove].sort((a, b) => a - b).slice(0, MAX_SENT_IN_ID);
    return [this.watermark, ...sent].join('.');
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
    // Without Last-Event-ID the stream starts after the latest committed row.
    const from =
      lastEventId !== undefined
        ? parsePosition(String(lastEventId))
        : { watermark: await this.notifications.lastSeq(userId), sent: [] };

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
          const limit = REPLAY_PAGE + stream.sentAbove.size;
          const { rows, xmin, xmax } = await this.notifications.sinceWithSnapshot(
            stream.userId,
            stream.watermark,
            limit,
          );
          for (const n of rows) if (!stream.sentAbove.has(n.seq)) this.send(stream, n);
          const full = rows.length === limit;
          // A full page covered rows up to its last seq only; a short one, everything visible.
          const top = Math.max(stream.watermark, ...rows.map((n) => n.seq));
          stream.settle(full ? top : Math.max(top, ...stream.sentAbove), xmin, xmax);
          if (!full || stream.closed) break;
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
    stream.sentAbove.add(n.seq);
    stream.write(
      `id: ${stream.position()}\nevent: notification\ndata: ${JSON.stringify(view)}\n\n`,
    );
  }
}

function parsePosition(id: string): { watermark: number; sent: number[] } {
  const [watermark, ...sent] = id.split('.').map(Number);
  return { watermark, sent };
}
