import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  CacheService,
  InstanceBroadcast,
  KeysetCursors,
  ProblemException,
} from '@nexus/core';
import { UserDirectory } from '@nexus/users';
import { EntityManager } from 'typeorm';
import { NotificationMail } from '../mail/notification-mail';
import { NotificationMetrics } from '../notification-metrics';
import { NewNotification, NotificationType, NotificationView } from '../notification.types';
import { PreferencesService } from '../preferences/preferences.service';
import { NotificationsRepository, StoredNotification } from './notifications.repository';

/** Broadcast channel: "these users' notifications changed" (new ones, read, deleted). */
export const CHANGED_CHANNEL = 'notifications:changed';
export interface ChangedMessage {
  users: string[];
}

const UNREAD_NS = 'notifications:unread';

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
}

/** Rows split by channel, preferences applied. */
export interface Prepared {
  inApp: NewNotification[];
  toEmail: NewNotification[];
}

/** What a store left to do after its transaction commits. */
export interface Stored {
  inserted: StoredNotification[];
  toEmail: NewNotification[];
}

export const notificationNotFound = () =>
  new ProblemException({
    status: 404,
    type: 'notification-not-found',
    title: 'Notification not found',
  });

const toView = ({ recipientId: _r, ...view }: StoredNotification): NotificationView => view;

/**
 * Writes notifications (preferences applied, deduplicated by recipient and key), then invalidates
 * the unread counts, tells every api instance's streams and queues the emails. Reads for the API.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly preferences: PreferencesService,
    private readonly directory: UserDirectory,
    private readonly mail: NotificationMail,
    private readonly cache: CacheService,
    private readonly broadcast: InstanceBroadcast,
    private readonly cursors: KeysetCursors,
    private readonly metrics: NotificationMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores and announces (outside any transaction). Returns the rows that were new. */
  async deliver(rows: NewNotification[]): Promise<StoredNotification[]> {
    const stored = await this.store(rows);
    await this.announce(stored);
    return stored.inserted;
  }

  /** Writes the in-app rows (inside `em` when given); call `announce` once it has committed. */
  async store(rows: NewNotification[], em?: EntityManager): Promise<Stored> {
    return this.write(await this.prepare(rows), em);
  }

  /**
   * Applies the recipients' preferences. Outside any transaction: embedded mode has one session,
   * so a read beside an open transaction would wait for it forever.
   */
  async prepare(rows: NewNotification[]): Promise<Prepared> {
    const inApp: NewNotification[] = [];
    const toEmail: NewNotification[] = [];
    for (const type of new Set(rows.map((r) => r.type))) {
      const ofType = rows.filter((r) => r.type === type);
      const switches = await this.preferences.resolve(
        ofType.map((r) => r.recipientId),
        type,
      );
      for (const row of ofType) {
        const s = switches.get(row.recipientId)!;
        if (s.in_app) inApp.push(row);
        if (s.email) toEmail.push(row);
      }
    }
    return { inApp, toEmail };
  }

  /** Inserts the prepared in-app rows (only `em` is used, so it may run inside a transaction). */
  async write({ inApp, toEmail }: Prepared, em?: EntityManager): Promise<Stored> {
    const inserted = await this.repository.insertMany(inApp, em);
    return { inserted, toEmail };
  }

  /**
   * One notification for many recipients in one statement (the fan-out): preferences applied
   * beforehand with `prepare`, rows written with `em`; `announce` after the commit.
   */
  async writeForRecipients(
    { inApp, toEmail }: Prepared,
    em: EntityManager,
  ): Promise<{ recipients: string[]; type: NotificationType; toEmail: NewNotification[] }> {
    const [first] = inApp;
    if (!first) return { recipients: [], type: toEmail[0]?.type ?? 'article.published', toEmail };
    const { recipientId: _r, ...shared } = first;
    const recipients = await this.repository.insertForRecipients(
      inApp.map((r) => r.recipientId),
      shared,
      em,
    );
    return { recipients, type: first.type, toEmail };
  }

  async announceRecipients(written: {
    recipients: string[];
    type: NotificationType;
    toEmail: NewNotification[];
  }): Promise<void> {
    if (written.recipients.length) {
      this.metrics.created.inc({ type: written.type }, written.recipients.length);
      await this.changed(written.recipients);
    }
    await this.announce({ inserted: [], toEmail: written.toEmail });
  }

  async announce({ inserted, toEmail }: Stored): Promise<void> {
    if (inserted.length) {
      for (const n of inserted) this.metrics.created.inc({ type: n.type });
      await this.changed([...new Set(inserted.map((n) => n.recipientId))]);
    }
    if (toEmail.length) {
      const contacts = await this.directory.contacts(toEmail.map((r) => r.recipientId));
      for (const row of toEmail) {
        const to = contacts.get(row.recipientId);
        if (!to || !to.emailVerified || to.suspended) continue;
        await this.mail.notify(
          to,
          row.type,
          row.data,
          `notification:${row.recipientId}:${row.dedupKey}`,
        );
      }
    }
  }

  // ---- reads and the recipient's changes ----------------------------------------------------

  async list(
    userId: string,
    opts: { limit: number; cursor?: string; unread: boolean; type?: NotificationType },
  ): Promise<NotificationPage> {
    const scope = `notifications:list:${userId}:${opts.unread ? 'unread' : 'all'}:${opts.type ?? '*'}`;
    const after = this.cursors.decode(scope, opts.cursor);
    const rows = await this.repository.page(userId, opts.limit, opts, after);
    const page = this.cursors.page(scope, rows, opts.limit, (n) => ({ at: n.createdAt, id: n.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  /** Cached per user; every change to the user's notifications drops the entry. */
  async unreadCount(userId: string): Promise<number> {
    const cached = await this.cache.get<number>(UNREAD_NS, userId);
    if (typeof cached === 'number') return cached;
    const count = await this.repository.unreadCount(userId);
    await this.cache.set(UNREAD_NS, userId, count, this.config.cacheTtlSeconds);
    return count;
  }

  async markRead(userId: string, id: string): Promise<void> {
    if (!(await this.repository.markRead(userId, id))) throw notificationNotFound();
    await this.changed([userId]);
  }

  async markAllRead(userId: string): Promise<number> {
    const n = await this.repository.markAllRead(userId);
    await this.changed([userId]);
    return n;
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.repository.delete(userId, id))) throw notificationNotFound();
    await this.changed([userId]);
  }

  since(userId: string, afterSeq: number, limit: number): Promise<StoredNotification[]> {
    return this.repository.since(userId, afterSeq, limit);
  }

  sinceWithSnapshot(userId: string, afterSeq: number, limit: number) {
    return this.repository.sinceWithSnapshot(userId, afterSeq, limit);
  }

  lastSeq(userId: string): Promise<number> {
    return this.repository.lastSeq(userId);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.repository.deleteForUser(userId);
    await this.preferences.deleteForUser(userId);
    await this.cache.del(UNREAD_NS, userId);
  }

  /** Drops the cached counts, then tells every instance's streams of these users. */
  private async changed(users: string[]): Promise<void> {
    await this.cache.del(UNREAD_NS, ...users);
    await this.broadcast.publish(CHANGED_CHANNEL, { users } satisfies ChangedMessage);
  }
}
