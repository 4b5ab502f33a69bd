import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `__table__`. `owner_id` has no foreign key to the users table: a lib never names another lib's
 * tables (docs/core.md), so users stays free to reshape its schema. Instead the service deletes an
 * owner's rows when `users.user.deleted` is emitted.
 */
export class __Name__Schema__timestamp__ implements MigrationInterface {
  name = '__Name__Schema__timestamp__';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE __table__ (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The keyset listings, newest first: everyone's, and one owner's (also the owner clean-up).
    await q.query(`CREATE INDEX __table___created_idx ON __table__ (created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX __table___owner_created_idx ON __table__ (owner_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE __table__`);
  }
}
