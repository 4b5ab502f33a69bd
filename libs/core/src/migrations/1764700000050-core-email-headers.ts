import { MigrationInterface, QueryRunner } from 'typeorm';

/** Extra headers of an email (e.g. `List-Unsubscribe`), sent as stored. */
export class CoreEmailHeaders1764700000050 implements MigrationInterface {
  name = 'CoreEmailHeaders1764700000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_deliveries ADD COLUMN headers jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_deliveries DROP COLUMN headers`);
  }
}
