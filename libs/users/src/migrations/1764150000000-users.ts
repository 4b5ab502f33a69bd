import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions (refresh-token families), rotating refresh tokens, single-use account tokens
 * (email verification, password reset) and follows. Its timestamp sits right after core's so that
 * feature modules referencing `users(id)` always migrate after it.
 */
export class Users1764150000000 implements MigrationInterface {
  name = 'Users1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(320) NOT NULL,
        username varchar(30) NOT NULL,
        display_name varchar(80) NOT NULL,
        bio varchar(500),
        avatar_url varchar(2048),
        password_hash varchar(255) NOT NULL,
        role varchar(16) NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'moderator', 'admin')),
        email_verified_at timestamptz,
        suspended_at timestamptz,
        suspended_reason varchar(500),
        follower_count int NOT NULL DEFAULT 0 CHECK (follower_count >= 0),
        following_count int NOT NULL DEFAULT 0 CHECK (following_count >= 0),
        published_article_count int NOT NULL DEFAULT 0 CHECK (published_article_count >= 0),
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_email_lower CHECK (email = lower(email)),
        CONSTRAINT ck_users_username_lower CHECK (username = lower(username))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (email)`);
    await q.query(`CREATE UNIQUE INDEX uq_users_username ON users (username)`);
    // Admin listing pages newest first with a (created_at, id) keyset.
    await q.query(`CREATE INDEX idx_users_created_id ON users (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE user_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        ip varchar(64),
        user_agent varchar(512),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason varchar(32)
      )`);
    await q.query(
      `CREATE INDEX idx_user_sessions_user_active ON user_sessions (user_id) WHERE revoked_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_refresh_tokens_hash ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX idx_refresh_tokens_expires ON refresh_tokens (expires_at)`);

    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose varchar(20) NOT NULL CHECK (purpose IN ('verify-email', 'password-reset')),
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_account_tokens_hash ON account_tokens (token_hash)`);
    await q.query(
      `CREATE INDEX idx_account_tokens_user_purpose ON account_tokens (user_id, purpose)`,
    );

    await q.query(`
      CREATE TABLE follows (
        follower_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        followee_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (follower_id, followee_id),
        CONSTRAINT ck_follows_not_self CHECK (follower_id <> followee_id)
      )`);
    // Keyset pages: "followers of X" and "whom X follows", newest first.
    await q.query(
      `CREATE INDEX idx_follows_followee_created ON follows (followee_id, created_at DESC, follower_id DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_follows_follower_created ON follows (follower_id, created_at DESC, followee_id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE follows`);
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE user_sessions`);
    await q.query(`DROP TABLE users`);
  }
}
