import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `request_log` loses its B-tree on `(ip, at)`: rows arrive in time order but addresses at
 *   random, so that index was half of the writer's cost (docs/benchmarks.md). The one reader, the
 *   newest requests of one address, finds its minutes in the rollups' `(ip, minute)` index and
 *   reads them through the BRIN index on `at`.
 * - `security_login_events.identifier_hash`: a keyed hash of the identifier submitted on a failed
 *   login (never the identifier itself), so that credential stuffing counts distinct identifiers
 *   tried, existing accounts or not.
 */
export class SecurityLogWriterAndLoginIdentifiers1765000000000 implements MigrationInterface {
  name = 'SecurityLogWriterAndLoginIdentifiers1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS request_log_ip_at_idx`);
    await q.query(`ALTER TABLE security_login_events ADD COLUMN identifier_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE security_login_events DROP COLUMN identifier_hash`);
    await q.query(`CREATE INDEX request_log_ip_at_idx ON request_log (ip, at DESC)`);
  }
}
