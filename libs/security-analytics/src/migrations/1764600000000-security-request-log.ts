import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request log and what is derived from it (docs/security-analytics.md):
 *
 * - `request_log`: one row per request, appended in batches, pruned by age. Not partitioned: at
 *   10M rows a day's DELETE through the BRIN index stays well inside the hourly retention job
 *   (docs/benchmarks.md). BRIN on `at` because rows arrive in time order and the index then
 *   costs almost nothing per insert.
 * - `request_log_rollups`: requests per minute × ip × route × status class, upserted with each
 *   batch; analytics and anomaly rules read only these. `route` is the route template, or the
 *   path itself for unmatched requests (what scanners probe). Country is a function of the
 *   address, kept once in `ip_geo` and joined.
 * - `ip_geo`: the geolocation of each address seen, filled off the hot path.
 * - `security_login_events`: logins and failed logins with their address (credential stuffing,
 *   impossible travel), deduplicated on the domain event's id.
 * - `suspicious_ips`: anomaly findings, one row per address and rule.
 */
export class SecurityRequestLog1764600000000 implements MigrationInterface {
  name = 'SecurityRequestLog1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_log (
        at          timestamptz NOT NULL,
        ip          inet NOT NULL,
        method      text NOT NULL,
        route       text NOT NULL,
        path        text NOT NULL,
        status      smallint NOT NULL,
        latency_ms  real NOT NULL,
        user_id     uuid,
        user_agent  text,
        request_id  text,
        outcome     text CHECK (outcome IN ('blocked', 'limited'))
      )`);
    await q.query(`CREATE INDEX request_log_at_brin ON request_log USING brin (at)`);
    await q.query(`CREATE INDEX request_log_ip_at_idx ON request_log (ip, at DESC)`);

    await q.query(`
      CREATE TABLE request_log_rollups (
        minute         timestamptz NOT NULL,
        ip             inet NOT NULL,
        route          text NOT NULL,
        status_class   smallint NOT NULL,
        requests       integer NOT NULL,
        probe_hits     integer NOT NULL DEFAULT 0,
        blocked        integer NOT NULL DEFAULT 0,
        limited        integer NOT NULL DEFAULT 0,
        latency_ms_sum double precision NOT NULL DEFAULT 0,
        PRIMARY KEY (minute, ip, route, status_class)
      )`);
    await q.query(`CREATE INDEX request_log_rollups_ip_idx ON request_log_rollups (ip, minute)`);

    await q.query(`
      CREATE TABLE ip_geo (
        ip           inet PRIMARY KEY,
        country      text,
        region       text,
        city         text,
        lat          double precision,
        lon          double precision,
        accuracy_km  integer,
        looked_up_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE security_login_events (
        event_id uuid PRIMARY KEY,
        at       timestamptz NOT NULL,
        ip       inet NOT NULL,
        user_id  uuid,
        success  boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX security_login_events_at_idx ON security_login_events (at)`);
    await q.query(
      `CREATE INDEX security_login_events_user_idx ON security_login_events (user_id, at) WHERE success`,
    );

    await q.query(`
      CREATE TABLE suspicious_ips (
        ip         inet NOT NULL,
        rule       text NOT NULL,
        reason     text NOT NULL,
        score      integer NOT NULL,
        hits       integer NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen  timestamptz NOT NULL,
        PRIMARY KEY (ip, rule)
      )`);
    await q.query(`CREATE INDEX suspicious_ips_last_seen_idx ON suspicious_ips (last_seen DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE suspicious_ips`);
    await q.query(`DROP TABLE security_login_events`);
    await q.query(`DROP TABLE ip_geo`);
    await q.query(`DROP TABLE request_log_rollups`);
    await q.query(`DROP TABLE request_log`);
  }
}
