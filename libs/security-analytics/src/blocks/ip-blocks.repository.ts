import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ISO_MICROS, KeysetPosition, returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';

export type BlockSource = 'manual' | 'auto';

/** A blacklist entry as the API shows it. */
export interface IpBlock {
  id: string;
  /** PostgreSQL's canonical text of the block (`203.0.113.7/32`, `2001:db8::/48`). */
  cidr: string;
  reason: string;
  source: BlockSource;
  createdBy: string | null;
  /** ISO 8601 UTC with microseconds. */
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

interface IpBlockRow {
  id: string;
  cidr: string;
  reason: string;
  source: BlockSource;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

const COLUMNS = `id, cidr::text AS cidr, reason, source, created_by,
  to_char(created_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS created_at,
  to_char(expires_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS expires_at,
  to_char(revoked_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS revoked_at`;

/** Active: not revoked and not expired (at the database's clock). */
const ACTIVE = `revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`;

const toBlock = (r: IpBlockRow): IpBlock => ({
  id: r.id,
  cidr: r.cidr,
  reason: r.reason,
  source: r.source,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export interface NewIpBlock {
  cidr: string;
  reason: string;
  source: BlockSource;
  createdBy: string | null;
  expiresAt: Date | null;
  /** The domain event an automatic block answers (deduplicated). */
  eventId?: string;
}

/** Every statement on `ip_blocks`. */
@Injectable()
export class IpBlocksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every active block (what each instance's matcher holds). */
  async active(): Promise<IpBlock[]> {
    const rows: IpBlockRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ip_blocks WHERE ${ACTIVE}`,
    );
    return rows.map(toBlock);
  }

  /** Active blocks, newest first, keyset on (created_at, id); one more than `limit` if any. */
  async list(query: { limit: number; after?: KeysetPosition }): Promise<IpBlock[]> {
    const params: unknown[] = [query.limit + 1];
    let after = '';
    if (query.after) {
      params.push(query.after.at, query.after.id);
      after = `AND (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    const rows: IpBlockRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ip_blocks WHERE ${ACTIVE} ${after}
        ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
    return rows.map(toBlock);
  }

  /** Inserts a block; undefined when its event was already answered (event_id taken). */
  async insert(block: NewIpBlock): Promise<IpBlock | undefined> {
    const rows: IpBlockRow[] = returnedRows(
      await this.dataSource.query(
        `INSERT INTO ip_blocks (cidr, reason, source, created_by, expires_at, event_id)
         VALUES ($1::cidr, $2, $3, $4, $5, $6)
         ON CONFLICT (event_id) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          block.cidr,
          block.reason,
          block.source,
          block.createdBy,
          block.expiresAt?.toISOString() ?? null,
          block.eventId ?? null,
        ],
      ),
    );
    return rows[0] && toBlock(rows[0]);
  }

  /** Revokes an active block; undefined when there is none with that id. */
  async revoke(id: string, by: string | null): Promise<IpBlock | undefined> {
    const rows: IpBlockRow[] = returnedRows(
      await this.dataSource.query(
        `UPDATE ip_blocks SET revoked_at = now(), revoked_by = $2
          WHERE id = $1 AND ${ACTIVE} RETURNING ${COLUMNS}`,
        [id, by],
      ),
    );
    return rows[0] && toBlock(rows[0]);
  }

  /** Revokes every active block of exactly this CIDR. */
  async revokeCidr(cidr: string, by: string | null): Promise<IpBlock[]> {
    const rows: IpBlockRow[] = returnedRows(
      await this.dataSource.query(
        `UPDATE ip_blocks SET revoked_at = now(), revoked_by = $2
          WHERE cidr = $1::cidr AND ${ACTIVE} RETURNING ${COLUMNS}`,
        [cidr, by],
      ),
    );
    return rows.map(toBlock);
  }

  /** Automatic blocks of exactly this CIDR created since `since` (escalation). */
  async countAuto(cidr: string, since: Date): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ip_blocks
        WHERE cidr = $1::cidr AND source = 'auto' AND created_at >= $2`,
      [cidr, since.toISOString()],
    );
    return rows[0]?.n ?? 0;
  }

  /** Whether a block active at `now` covers the address or block `cidr`. */
  async activeCovering(cidr: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ip_blocks
        WHERE cidr >>= $1::cidr AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
        LIMIT 1`,
      [cidr, now.toISOString()],
    );
    return rows.length > 0;
  }

  /** Deletes history: blocks revoked or expired before `before`. */
  async prune(before: Date): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM ip_blocks WHERE coalesce(revoked_at, expires_at) < $1`,
      [before.toISOString()],
    );
  }
}
