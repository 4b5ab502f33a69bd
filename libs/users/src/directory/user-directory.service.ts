import { Injectable, Module } from '@nestjs/common';
import { KeysetPosition } from '@nexus/core';
import { FollowerIdPage, UserContact, UserDirectoryRepository } from './user-directory.repository';

export type { FollowerIdPage, UserContact } from './user-directory.repository';

/**
 * Bulk reads of accounts for other modules, usable in the worker too (it has no UsersModule):
 * follower ids in keyset pages, contact details, the admins.
 */
@Injectable()
export class UserDirectory {
  constructor(private readonly repository: UserDirectoryRepository) {}

  /** At most `limit` follower ids after `after`; `next` is null on the last page. */
  followerIds(
    followeeId: string,
    limit: number,
    after: KeysetPosition | null = null,
  ): Promise<FollowerIdPage> {
    return this.repository.followerIds(followeeId, limit, after);
  }

  /** Contact details of the accounts that still exist, by id. */
  async contacts(ids: string[]): Promise<Map<string, UserContact>> {
    const rows = await this.repository.contacts([...new Set(ids)]);
    return new Map(rows.map((c) => [c.id, c]));
  }

  /** Ids of the active administrators. */
  adminIds(): Promise<string[]> {
    return this.repository.adminIds();
  }
}

/** Imported by modules (api or worker) that need `UserDirectory`; no controllers, no timers. */
@Module({
  providers: [UserDirectoryRepository, UserDirectory],
  exports: [UserDirectory],
})
export class UserDirectoryModule {}
