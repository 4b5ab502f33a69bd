import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `author_cards`: what the users module publishes to other modules' SQL — the public face of an
 * account (id, username, display name, avatar), nothing private. Other libs join this view, never
 * the `users` table, so users can change its table freely as long as the view keeps its columns.
 * A plain view: PostgreSQL inlines it, a join costs the same primary-key lookup as before.
 */
export class UsersAuthorCards1764400000000 implements MigrationInterface {
  name = 'UsersAuthorCards1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW author_cards AS
        SELECT id, username, display_name, avatar_url FROM users`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW author_cards`);
  }
}
