import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TypeORM's own bookkeeping table for generated columns. The schema creates generated columns in
 * hand-written SQL (e.g. articles.search), and `npm run migration:generate` reads this table when
 * it meets one; without it the command fails instead of producing a diff.
 */
export class CoreTypeormMetadata1764140000001 implements MigrationInterface {
  name = 'CoreTypeormMetadata1764140000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS typeorm_metadata (
        "type" varchar NOT NULL,
        "database" varchar,
        "schema" varchar,
        "table" varchar,
        "name" varchar,
        "value" text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS typeorm_metadata`);
  }
}
