import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';

/** Every statement on `notification_digests`. */
@Injectable()
export class DigestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sent(userId: string, period: 'daily' | 'weekly', periodStart: string): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await this.dataSource.query(
        `SELECT 1 FROM notification_digests WHERE user_id = $1 AND period = $2 AND period_start = $3::date`,
        [userId, period, periodStart],
      ),
    );
    return rows.length > 0;
  }

  /** Records the user's digest of one period; false when it was recorded before (by any run). */
  async claim(
    userId: string,
    period: 'daily' | 'weekly',
    periodStart: string,
    notifications: number,
  ): Promise<boolean> {
    const rows = returnedRows<unknown>(
      await this.dataSource.query(
        `INSERT INTO notification_digests (user_id, period, period_start, notifications)
         VALUES ($1, $2, $3::date, $4) ON CONFLICT DO NOTHING RETURNING user_id`,
        [userId, period, periodStart, notifications],
      ),
    );
    return rows.length > 0;
  }

  async count(userId: string): Promise<number> {
    const rows = returnedRows<{ n: string }>(
      await this.dataSource.query(
        `SELECT count(*) AS n FROM notification_digests WHERE user_id = $1`,
        [userId],
      ),
    );
    return Number(rows[0]?.n ?? 0);
  }
}
