import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usernames held by a registration until its verification window ends, whether or not the email
 * was already registered (docs/users.md, Enumeration): a register whose email is taken creates no
 * account, yet must make the username behave exactly as a new unverified account would.
 */
export class UsersUsernameReservations1764900000000 implements MigrationInterface {
  name = 'UsersUsernameReservations1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE username_reservations (
        username varchar(30) PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        CONSTRAINT ck_username_reservations_lower CHECK (username = lower(username))
      )`);
    await q.query(
      `CREATE INDEX idx_username_reservations_expires ON username_reservations (expires_at)`,
    );
    // Unverified accounts whose verification window ended are purged; this finds them.
    await q.query(
      `CREATE INDEX idx_users_unverified_created ON users (created_at) WHERE email_verified_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_users_unverified_created`);
    await q.query(`DROP TABLE username_reservations`);
  }
}
