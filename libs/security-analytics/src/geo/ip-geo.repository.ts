import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';
import { unnestRows } from '../db/unnest-rows';
import { GeoInfo } from './geo-lookup';

export interface IpGeoRow extends GeoInfo {
  ip: string;
  lookedUpAt: Date;
}

/** Every statement on `ip_geo`. */
@Injectable()
export class IpGeoRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Addresses seen in the last day (rollups, logins) with no location yet, or whose location was
   * unknown a day ago (the database may have been updated or fixed since).
   */
  async pending(limit: 1000 | 10 = 1000): Promise<string[]> {
    const rows = returnedRows<{ ip: string }>(
      await this.dataSource.query(
        `SELECT host(s.ip) AS ip FROM (
           SELECT DISTINCT ip FROM request_log_rollups WHERE minute > now() - interval '1 day'
           UNION
           SELECT DISTINCT ip FROM security_login_events WHERE at > now() - interval '1 day'
         ) s
         LEFT JOIN ip_geo g ON g.ip = s.ip
         WHERE g.ip IS NULL OR (g.country IS NULL AND g.looked_up_at < now() - interval '1 day')
         LIMIT ${limit}`,
      ),
    );
    return rows.map((r) => r.ip);
  }

  async upsert(rows: (GeoInfo & { ip: string })[]): Promise<void> {
    if (!rows.length) return;
    const u = unnestRows(
      rows,
      'ip inet, country text, region text, city text, lat float8, lon float8, accuracy_km int',
    );
    await this.dataSource.query(
      `INSERT INTO ip_geo (${u.columns}) ${u.select}
       ON CONFLICT (ip) DO UPDATE SET country = EXCLUDED.country, region = EXCLUDED.region,
         city = EXCLUDED.city, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
         accuracy_km = EXCLUDED.accuracy_km, looked_up_at = now()`,
      u.params,
    );
  }

  async get(ip: string): Promise<IpGeoRow | undefined> {
    const rows = returnedRows<IpGeoRow>(
      await this.dataSource.query(
        `SELECT host(ip) AS ip, country, region, city, lat, lon, accuracy_km AS "accuracyKm",
                looked_up_at AS "lookedUpAt"
           FROM ip_geo WHERE ip = $1::inet`,
        [ip],
      ),
    );
    return rows[0];
  }
}
