import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox of domain events (docs/core.md, events): a row is written in the
 * transaction of the change it announces and delivered to the listeners after commit.
 */
export class CoreOutboxEvents1764500000000 implements MigrationInterface {
  name = 'CoreOutboxEvents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        aggregate_id varchar(200),
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        done_listeners text[] NOT NULL DEFAULT '{}',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        request_id varchar(100)
      )`);
    // The relay's scan and the per-aggregate order check only ever look at undelivered rows.
    await q.query(
      `CREATE INDEX idx_outbox_events_pending ON outbox_events (seq) WHERE delivered_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX idx_outbox_events_pending_aggregate ON outbox_events (aggregate_id, seq)
        WHERE delivered_at IS NULL AND aggregate_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX idx_outbox_events_delivered ON outbox_events (delivered_at)
        WHERE delivered_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
  }
}
