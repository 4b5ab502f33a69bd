import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount, ISO_MICROS, KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';

/** A __itemWords__ as the service and the API see it. */
export interface __Item__ {
  id: string;
  ownerId: string;
  title: string;
  /** ISO 8601 UTC to the microsecond: it doubles as the keyset position. */
  createdAt: string;
}

export interface __Item__Page {
  items: __Item__[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A row of `__table__` as every statement here selects it. */
interface __Item__Row {
  id: string;
  owner_id: string;
  title: string;
  created_at: string;
}

const COLUMNS = `id, owner_id, title,
  to_char(created_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS created_at`;

export function to__Item__(row: __Item__Row): __Item__ {
  return { id: row.id, ownerId: row.owner_id, title: row.title, createdAt: row.created_at };
}

/**
 * Every SQL statement on `__table__`. Methods that may run inside a service's transaction take an
 * optional `em`; without it they run on the DataSource.
 */
@Injectable()
export class __Name__Repository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(ownerId: string, title: string, em?: EntityManager): Promise<__Item__> {
    const rows = returnedRows<__Item__Row>(
      await (em ?? this.dataSource).query(
        `INSERT INTO __table__ (owner_id, title) VALUES ($1, $2) RETURNING ${COLUMNS}`,
        [ownerId, title],
      ),
    );
    return to__Item__(rows[0]);
  }

  /** `forUpdate` locks the row until the transaction `em` belongs to ends. */
  async findById(
    id: string,
    em?: EntityManager,
    opts: { forUpdate?: boolean } = {},
  ): Promise<__Item__ | undefined> {
    const rows = returnedRows<__Item__Row>(
      await (em ?? this.dataSource).query(
        `SELECT ${COLUMNS} FROM __table__ WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
        [id],
      ),
    );
    return rows[0] && to__Item__(rows[0]);
  }

  /**
   * Newest first, by keyset on (created_at, id), optionally one owner's; up to `limit` rows after
   * the position `after`.
   */
  async list(query: {
    ownerId?: string;
    after?: KeysetPosition;
    limit: number;
  }): Promise<__Item__[]> {
    const params: unknown[] = [query.limit];
    const where: string[] = [];
    if (query.ownerId) {
      params.push(query.ownerId);
      where.push(`owner_id = $${params.length}`);
    }
    if (query.after) {
      params.push(query.after.at, query.after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = returnedRows<__Item__Row>(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM __table__
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY created_at DESC, id DESC
          LIMIT $1`,
        params,
      ),
    );
    return rows.map(to__Item__);
  }

  async delete(id: string, em?: EntityManager): Promise<boolean> {
    const result = await (em ?? this.dataSource).query(`DELETE FROM __table__ WHERE id = $1`, [id]);
    return affectedCount(result) > 0;
  }

  async deleteByOwner(ownerId: string, em?: EntityManager): Promise<number> {
    const result = await (em ?? this.dataSource).query(`DELETE FROM __table__ WHERE owner_id = $1`, [
      ownerId,
    ]);
    return affectedCount(result);
  }
}
