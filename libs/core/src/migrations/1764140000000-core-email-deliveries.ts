import { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreEmailDeliveries1764140000000 implements MigrationInterface {
  name = 'CoreEmailDeliveries1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key varchar(200) NOT NULL,
        to_address varchar(320) NOT NULL,
        template varchar(100) NOT NULL,
        subject varchar(500) NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dead')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        message_id varchar(300),
        request_id varchar(100),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_email_deliveries_idempotency_key ON email_deliveries (idempotency_key)`,
    );
    await q.query(
      `CREATE INDEX idx_email_deliveries_status_updated ON email_deliveries (status, updated_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_deliveries`);
  }
}
