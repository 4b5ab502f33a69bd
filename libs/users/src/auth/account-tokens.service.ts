import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AccountTokenHolder,
  AccountTokenPurpose,
  AccountTokensRepository,
} from './account-tokens.repository';
import { hashToken, newOpaqueToken } from './sessions.service';

export type { AccountTokenHolder, AccountTokenPurpose } from './account-tokens.repository';

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
  constructor(private readonly tokens: AccountTokensRepository) {}

  /** Issues a token; earlier unused tokens of the same purpose stop working (latest email wins). */
  async issue(
    userId: string,
    purpose: AccountTokenPurpose,
    em?: EntityManager,
  ): Promise<{ id: string; token: string }> {
    const token = newOpaqueToken();
    await this.tokens.voidUnused(userId, purpose, em);
    const id = await this.tokens.insert(
      userId,
      purpose,
      hashToken(token),
      ACCOUNT_TOKEN_TTL_SECONDS[purpose],
      em,
    );
    return { id, token };
  }

  /** Marks the token used and returns its user, or undefined if unknown, used or expired. */
  consume(
    token: string,
    purpose: AccountTokenPurpose,
    em?: EntityManager,
  ): Promise<string | undefined> {
    return this.tokens.consume(hashToken(token), purpose, em);
  }

  /** The account a usable token belongs to, without consuming it. */
  holderOf(
    token: string,
    purpose: AccountTokenPurpose,
    em?: EntityManager,
  ): Promise<AccountTokenHolder | undefined> {
    return this.tokens.findHolder(hashToken(token), purpose, em);
  }

  purgeExpired(): Promise<void> {
    return this.tokens.purgeExpired();
  }
}
