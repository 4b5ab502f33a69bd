import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@nexus/core';
import { DataSource } from 'typeorm';
import {
  Channel,
  CHANNELS,
  DigestFrequency,
  NOTIFICATION_TYPES,
  NotificationType,
  TYPE_POLICIES,
} from '../notification.types';
import { PreferenceRow, PreferencesRepository } from './preferences.repository';

export type ChannelSwitches = Record<Channel, boolean>;

export interface PreferencesView {
  digest: DigestFrequency;
  types: { type: NotificationType; channels: ChannelSwitches; locked: Channel[] }[];
}

export interface PreferenceChange {
  type: NotificationType;
  channel: Channel;
  enabled: boolean;
}

/** Per user, type and channel: the user's choice over the type's default; locked channels win. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: PreferencesRepository,
  ) {}

  /** The effective switches of `type` for each user. */
  async resolve(userIds: string[], type: NotificationType): Promise<Map<string, ChannelSwitches>> {
    const policy = TYPE_POLICIES[type];
    const out = new Map<string, ChannelSwitches>(userIds.map((id) => [id, { ...policy.defaults }]));
    for (const row of await this.repository.choicesOf(userIds)) {
      if (row.type !== type || policy.locked.includes(row.channel)) continue;
      const switches = out.get(row.userId);
      if (switches && (CHANNELS as readonly string[]).includes(row.channel))
        switches[row.channel] = row.enabled;
    }
    return out;
  }

  async get(userId: string): Promise<PreferencesView> {
    const rows = await this.repository.choicesOf([userId]);
    const digest = await this.repository.digestOf(userId);
    return {
      digest,
      types: NOTIFICATION_TYPES.map((type) => {
        const policy = TYPE_POLICIES[type];
        const channels = { ...policy.defaults };
        for (const r of rows)
          if (r.type === type && !policy.locked.includes(r.channel))
            channels[r.channel] = r.enabled;
        return { type, channels, locked: [...policy.locked] };
      }),
    };
  }

  /** Applies the changes (all or none); changing a locked channel (security) is a 400. */
  async update(
    userId: string,
    changes: PreferenceChange[],
    digest?: DigestFrequency,
  ): Promise<PreferencesView> {
    const refused = changes.filter(
      (c) =>
        TYPE_POLICIES[c.type].locked.includes(c.channel) &&
        c.enabled !== TYPE_POLICIES[c.type].defaults[c.channel],
    );
    if (refused.length) {
      throw new ProblemException({
        status: 400,
        type: 'preference-locked',
        title: 'This notification cannot be turned off',
        detail: 'Account security notices always reach the account; their channels are fixed.',
        errors: refused.map((c) => ({
          field: 'preferences',
          messages: [`${c.type} ${c.channel} cannot be changed`],
        })),
      });
    }
    const rows: PreferenceRow[] = changes.map((c) => ({ userId, ...c }));
    await this.db.transaction(async (em) => {
      await this.repository.upsert(rows, em);
      if (digest) await this.repository.setDigest(userId, digest, em);
    });
    return this.get(userId);
  }

  /** One-click unsubscribe: the type's email channel off (locked types are never mailed off). */
  async unsubscribe(userId: string, type: NotificationType): Promise<boolean> {
    if (TYPE_POLICIES[type].locked.includes('email')) return false;
    await this.db.transaction((em) =>
      this.repository.upsert([{ userId, type, channel: 'email', enabled: false }], em),
    );
    return true;
  }

  async stopDigest(userId: string): Promise<void> {
    await this.db.transaction((em) => this.repository.setDigest(userId, 'off', em));
  }

  digestSubscribers(frequency: 'daily' | 'weekly', afterId: string | null, limit: number) {
    return this.repository.digestSubscribers(frequency, afterId, limit);
  }

  deleteForUser(userId: string): Promise<void> {
    return this.repository.deleteForUser(userId);
  }
}
