import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, KeysetCursors, PAGE_SIZE, ProblemException } from '@nexus/core';
import { USERS_EVENTS, UserDeletedEvent } from '@nexus/users';
import { DataSource } from 'typeorm';
import { __Item__CreatedEvent, __Item__DeletedEvent, __Name__Events } from '../__name__.events';
import { __Item__, __Item__Page, __Name__Repository } from './__name__.repository';

/** One cursor scope per listing, so a cursor of one owner's listing is refused on another's. */
export const listScope = (ownerId?: string): string => `__name__:list:${ownerId ?? 'all'}`;

/** Who may delete a __itemWords__: its owner only. */
export function canDelete(item: Pick<__Item__, 'ownerId'>, callerId: string): boolean {
  return item.ownerId === callerId;
}

/** A page from up to `limit + 1` rows (core's keyset paging), positioned on (created_at, id). */
export function pageOf(
  rows: __Item__[],
  limit: number,
  cursors: KeysetCursors,
  scope: string,
): __Item__Page {
  return cursors.page(scope, rows, limit, (item) => ({ at: item.createdAt, id: item.id }));
}

const notFound = () =>
  new ProblemException({ status: 404, type: 'not-found', title: '__Item__ not found' });

/** The rules of __name__: who may do what, transactions, events. SQL lives in the repository. */
@Injectable()
export class __Name__Service {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: __Name__Repository,
    private readonly events: DomainEvents,
    private readonly cursors: KeysetCursors,
  ) {}

  async create(ownerId: string, input: { title: string }): Promise<__Item__> {
    const item = await this.repository.insert(ownerId, input.title);
    await this.events.emit(__Name__Events.created, new __Item__CreatedEvent(item.id, ownerId));
    return item;
  }

  async get(id: string): Promise<__Item__> {
    const item = await this.repository.findById(id);
    if (!item) throw notFound();
    return item;
  }

  async list(query: { ownerId?: string; limit?: number; cursor?: string }): Promise<__Item__Page> {
    const scope = listScope(query.ownerId);
    const after = this.cursors.decode(scope, query.cursor);
    const limit = query.limit ?? PAGE_SIZE.default;
    const rows = await this.repository.list({ ownerId: query.ownerId, after, limit: limit + 1 });
    return pageOf(rows, limit, this.cursors, scope);
  }

  /** 404 when it does not exist, 403 when the caller does not own it. */
  async delete(callerId: string, id: string): Promise<void> {
    // The row is locked between the ownership check and the delete.
    const deleted = await this.dataSource.transaction(async (em) => {
      const item = await this.repository.findById(id, em, { forUpdate: true });
      if (!item) throw notFound();
      if (!canDelete(item, callerId)) {
        throw new ProblemException({
          status: 403,
          type: 'forbidden',
          title: 'Only the owner may delete this __itemWords__',
        });
      }
      await this.repository.delete(id, em);
      return item;
    });
    // After the commit: listeners only ever see committed state.
    await this.events.emit(
      __Name__Events.deleted,
      new __Item__DeletedEvent(deleted.id, deleted.ownerId),
    );
  }

  /** There is no foreign key to the users table (see the migration): this is its cascade. */
  @OnEvent(USERS_EVENTS.deleted)
  async removeAllOf(event: UserDeletedEvent): Promise<void> {
    await this.repository.deleteByOwner(event.userId);
  }
}
