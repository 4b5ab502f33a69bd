import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ip_blocks`: the blacklist. A row is an address or CIDR block (PostgreSQL `cidr`, IPv4 or IPv6)
 * refused at the edge while it is active: not revoked and not past `expires_at`. Revoked and
 * expired rows stay as history (auto-block escalation counts an address's previous auto blocks)
 * until pruned. `event_id` is the domain event an automatic block answered, unique so that a
 * redelivered event never blocks twice.
 */
export class SecurityIpBlocks1764610000000 implements MigrationInterface {
  name = 'SecurityIpBlocks1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ip_blocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cidr cidr NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        source text NOT NULL CHECK (source IN ('manual', 'auto')),
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        revoked_by text,
        event_id uuid UNIQUE,
        CHECK (expires_at IS NULL OR expires_at > created_at)
      )`);
    // The active set, loaded by every api instance.
    await q.query(
      `CREATE INDEX ip_blocks_active ON ip_blocks (created_at) WHERE revoked_at IS NULL`,
    );
    // Unblock by address and the escalation count of an address's auto blocks.
    await q.query(`CREATE INDEX ip_blocks_cidr ON ip_blocks (cidr, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ip_blocks`);
  }
}
