import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `request_log_rollups` keeps 30% of each new page free: a key (minute × ip × route × status
 * class) is upserted again by every batch while its minute lasts, and the update only touches
 * counters, so with room on its page it is a HOT update — no new entry in the primary key nor in
 * the `(ip, minute)` index, and the page's dead versions are pruned in place. Full pages (the
 * default fillfactor of 100) sent most of those updates to another page, with two index inserts
 * each (docs/benchmarks.md). Pages written before keep their layout.
 */
export class SecurityRollupsFillfactor1765100000000 implements MigrationInterface {
  name = 'SecurityRollupsFillfactor1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE request_log_rollups SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE request_log_rollups RESET (fillfactor)`);
  }
}
