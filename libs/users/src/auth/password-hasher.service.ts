import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { randomBytes } from 'node:crypto';

/** Argon2id in @node-rs/argon2's enum (a const enum, unusable under isolatedModules). */
const ARGON2ID = 2;

export type PasswordHashParams = Required<Pick<Options, 'memoryCost' | 'timeCost' | 'parallelism'>>;

/**
 * Production cost: OWASP's first argon2id recommendation (19 MiB, 2 passes, 1 lane): a burst of
 * concurrent logins stays within the api's memory budget while an offline attacker pays 19 MiB per
 * guess (what makes GPUs slow). Timings are in docs/benchmarks.md.
 */
export const PRODUCTION_PASSWORD_HASH: PasswordHashParams = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Test cost (NODE_ENV=test only): argon2's minimum-ish settings so suites stay fast. */
export const TEST_PASSWORD_HASH: PasswordHashParams = {
  memoryCost: 1_024,
  timeCost: 1,
  parallelism: 1,
};

/**
 * The argon2 parameters in use. Core config is not the place for a cost knob that operators
 * should not turn casually, so it is a provider: NODE_ENV=test gets TEST_PASSWORD_HASH, everything
 * else PRODUCTION_PASSWORD_HASH; a deployment or benchmark may override the provider.
 */
export const PASSWORD_HASH_PARAMS = Symbol('PASSWORD_HASH_PARAMS');

export const passwordHashParamsProvider = {
  provide: PASSWORD_HASH_PARAMS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): PasswordHashParams =>
    config.nodeEnv === 'test' ? TEST_PASSWORD_HASH : PRODUCTION_PASSWORD_HASH,
};

/** Hashes and verifies passwords with argon2id (native, off the event loop). */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly options: Options;
  /** A real hash of a random secret: verified against when the account does not exist (timing). */
  private dummy?: Promise<string>;

  constructor(@Inject(PASSWORD_HASH_PARAMS) readonly params: PasswordHashParams) {
    this.options = { ...params, algorithm: ARGON2ID };
  }

  /** Made at start-up, so the first unknown-account login is not the one slower request. */
  async onModuleInit(): Promise<void> {
    this.dummy ??= this.hash(randomBytes(32).toString('base64url'));
    await this.dummy;
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  /** False for a wrong password or a malformed hash; never throws for client input. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real verification, for accounts that do not exist. */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(await this.dummy, password);
    return false;
  }

  /** True when the hash was made with other parameters (upgraded transparently at next login). */
  needsRehash(passwordHash: string): boolean {
    try {
      const p = parseOptions(passwordHash);
      return (
        p.algorithm !== ARGON2ID ||
        p.memoryCost !== this.params.memoryCost ||
        p.timeCost !== this.params.timeCost ||
        p.parallelism !== this.params.parallelism
      );
    } catch {
      return true;
    }
  }
}
