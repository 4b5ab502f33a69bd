import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TypeORM's own bookkeeping table for generated columns, once needed by schema diffing. Nexus no
 * longer diffs entities against the schema (there are none); the table stays because deployed
 * databases have it and migrations are never rewritten.
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
