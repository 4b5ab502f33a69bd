import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';

/** What an emailed token is for. */
export type AccountTokenPurpose = 'verify-email' | 'password-reset';

/** The account a valid token belongs to (password checks need the names). */
export interface AccountTokenHolder {
  id: string;
  email: string;
  username: string;
  displayName: string;
}

interface AccountTokenHolderRow {
  id: string;
  email: string;
  username: string;
  display_name: string;
}

/**
 * Every statement on `account_tokens` (single-use, expiring tokens sent by email). Tokens arrive
 * here already hashed (SHA-256).
 */
@Injectable()
export class AccountTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Voids the user's unused tokens of this purpose. */
  async voidUnused(
    userId: string,
    purpose: AccountTokenPurpose,
    em?: EntityManager,
  ): Promise<void> {
    await (em ?? this.dataSource).query(
      `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
  }

  /** Stores a token hash; returns the token's id. */
  async insert(
    userId: string,
    purpose: AccountTokenPurpose,
    tokenHash: string,
    ttlSeconds: number,
    em?: EntityManager,
  ): Promise<string> {
    const [row] = returnedRows<{ id: string }>(
      await (em ?? this.dataSource).query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
        [userId, purpose, tokenHash, ttlSeconds],
      ),
    );
    return row.id;
  }

  /** Marks a usable token used in one atomic UPDATE (so it works once); returns its user. */
  async consume(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    em?: EntityManager,
  ): Promise<string | undefined> {
    const [row] = returnedRows<{ user_id: string }>(
      await (em ?? this.dataSource).query(
        `UPDATE account_tokens SET used_at = now()
          WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
        [tokenHash, purpose],
      ),
    );
    return row?.user_id;
  }

  /** The account a usable token belongs to, without consuming it. */
  async findHolder(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    em?: EntityManager,
  ): Promise<AccountTokenHolder | undefined> {
    const [row] = returnedRows<AccountTokenHolderRow>(
      await (em ?? this.dataSource).query(
        `SELECT u.id, u.email, u.username, u.display_name
           FROM account_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()`,
        [tokenHash, purpose],
      ),
    );
    return (
      row && { id: row.id, email: row.email, username: row.username, displayName: row.display_name }
    );
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM account_tokens WHERE expires_at < now() - interval '7 days'`,
    );
  }
}
