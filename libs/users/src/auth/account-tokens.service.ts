import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../shared/sql';
import type { AccountTokenPurpose } from './account-token.entity';
import { hashToken, newOpaqueToken } from './sessions.service';

/** Lifetimes of emailed tokens: a verification link may sit in an inbox a day; a reset link must not. */
export const ACCOUNT_TOKEN_TTL_SECONDS: Record<AccountTokenPurpose, number> = {
  'verify-email': 24 * 3600,
  'password-reset': 3600,
};

/**
 * Single-use, expiring tokens sent by email. The token is 256 random bits (unforgeable without a
 * signature) and only its SHA-256 is stored; consuming it is one atomic UPDATE, so it works once.
 */
@Injectable()
export class AccountTokensService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Issues a token; earlier unused tokens of the same purpose stop working (latest email wins). */
  async issue(userId: string, purpose: AccountTokenPurpose, em?: EntityManager): Promise<{ id: string; token: string }> {
    const db = em ?? this.dataSource;
    const token = newOpaqueToken();
    await db.query(
      `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
    const [row] = returnedRows<{ id: string }>(
      await db.query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
        [userId, purpose, hashToken(token), ACCOUNT_TOKEN_TTL_SECONDS[purpose]],
      ),
    );
    return { id: row.id, token };
  }

  /** Marks the token used and returns its user, or undefined if unknown, used or expired. */
  async consume(token: string, purpose: AccountTokenPurpose, em?: EntityManager): Promise<string | undefined> {
    const rows = returnedRows<{ user_id: string }>(
      await (em ?? this.dataSource).query(
        `UPDATE account_tokens SET used_at = now()
          WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
        [hashToken(token), purpose],
      ),
    );
    return rows[0]?.user_id;
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM account_tokens WHERE expires_at < now() - interval '7 days'`);
  }
}
