import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';

/** Every statement on `notification_login_countries`. */
@Injectable()
export class LoginCountriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the account signed in from `country` before, and from any country at all. */
  async seen(userId: string, country: string): Promise<{ country: boolean; any: boolean }> {
    const rows = returnedRows<{ country: boolean; any: boolean }>(
      await this.dataSource.query(
        `SELECT bool_or(country = $2) IS TRUE AS country, count(*) > 0 AS any
           FROM notification_login_countries WHERE user_id = $1`,
        [userId, country],
      ),
    );
    return rows[0] ?? { country: false, any: false };
  }

  async remember(userId: string, country: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_login_countries (user_id, country) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [userId, country],
    );
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM notification_login_countries WHERE user_id = $1`, [
      userId,
    ]);
  }
}
