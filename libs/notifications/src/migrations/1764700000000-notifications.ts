import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications, per-user preferences and digest choice, digest bookkeeping and fan-out
 * checkpoints. Recipients and actors are user ids without foreign keys (a lib never names
 * another lib's tables); rows of a deleted account are removed on `users.user.deleted`.
 */
export class Notifications1764700000000 implements MigrationInterface {
  name = 'Notifications1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        recipient_id uuid NOT NULL,
        type varchar(40) NOT NULL,
        actor_id uuid,
        subject_type varchar(20),
        subject_id varchar(100),
        data jsonb NOT NULL DEFAULT '{}',
        source_event_id uuid NOT NULL,
        dedup_key varchar(200) NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At-least-once delivery of events: the same (recipient, key) is one notification.
    await q.query(
      `CREATE UNIQUE INDEX uq_notifications_recipient_dedup ON notifications (recipient_id, dedup_key)`,
    );
    // Keyset listing, newest first, all and unread only (the unread count uses the partial one).
    await q.query(
      `CREATE INDEX idx_notifications_recipient_created ON notifications (recipient_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_notifications_recipient_unread ON notifications (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );
    // The stream's replay after Last-Event-ID.
    await q.query(
      `CREATE INDEX idx_notifications_recipient_seq ON notifications (recipient_id, seq)`,
    );

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL,
        type varchar(40) NOT NULL,
        channel varchar(10) NOT NULL CHECK (channel IN ('in_app', 'email', 'digest')),
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, type, channel)
      )`);
    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY,
        digest varchar(8) NOT NULL DEFAULT 'off' CHECK (digest IN ('off', 'daily', 'weekly')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX idx_notification_settings_digest ON notification_settings (digest) WHERE digest <> 'off'`,
    );
    // One digest per user and period, whoever runs the job and however often.
    await q.query(`
      CREATE TABLE notification_digests (
        user_id uuid NOT NULL,
        period varchar(8) NOT NULL CHECK (period IN ('daily', 'weekly')),
        period_start date NOT NULL,
        notifications int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, period, period_start)
      )`);
    // Progress of a fan-out: the keyset position of the last follower written, moved in the
    // same transaction as the rows, so a restarted job resumes exactly there.
    await q.query(`
      CREATE TABLE notification_fanouts (
        event_id uuid PRIMARY KEY,
        author_id uuid NOT NULL,
        article_id uuid NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        cursor_at varchar(40),
        cursor_id uuid,
        delivered int NOT NULL DEFAULT 0,
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Countries each account has signed in from (the new-country security notice).
    await q.query(`
      CREATE TABLE notification_login_countries (
        user_id uuid NOT NULL,
        country char(2) NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, country)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_login_countries`);
    await q.query(`DROP TABLE notification_fanouts`);
    await q.query(`DROP TABLE notification_digests`);
    await q.query(`DROP TABLE notification_settings`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE notifications`);
  }
}
