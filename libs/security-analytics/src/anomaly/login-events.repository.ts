import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { affectedCount } from '@nexus/core';
import { DataSource } from 'typeorm';

export interface LoginEventInput {
  eventId: string;
  at: Date;
  ip: string;
  userId: string | null;
  success: boolean;
}

/** Every write of `security_login_events` (the rules read it in AnomalyRepository). */
@Injectable()
export class LoginEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts events; one already recorded (same event id) is skipped. */
  async insert(events: LoginEventInput[]): Promise<void> {
    if (!events.length) return;
    await this.dataSource.query(
      `INSERT INTO security_login_events (event_id, at, ip, user_id, success)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::inet[], $4::uuid[], $5::bool[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.at.toISOString()),
        events.map((e) => e.ip),
        events.map((e) => e.userId),
        events.map((e) => e.success),
      ],
    );
  }

  async pruneBefore(before: Date): Promise<number> {
    return affectedCount(
      await this.dataSource.query(`DELETE FROM security_login_events WHERE at < $1`, [
        before.toISOString(),
      ]),
    );
  }
}
