import { Injectable } from '@nestjs/common';
import { ProblemException } from '@nexus/core';
import { isIP } from 'node:net';
import { AnomalyRepository } from '../anomaly/anomaly.repository';
import { IpGeoRepository } from '../geo/ip-geo.repository';
import { RequestLogRepository } from '../request-log/request-log.repository';
import { AnalyticsRepository, Bucket } from './analytics.repository';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Longest window per bucket: bounds the points a chart gets (≤ 2880 minutes, 2160 hours). */
const MAX_WINDOW: Record<Bucket, number> = { minute: 2 * DAY, hour: 90 * DAY, day: 400 * DAY };

export const GEO_ATTRIBUTION =
  'This product includes GeoLite2 data created by MaxMind, available from https://www.maxmind.com.';

const badField = (field: string, message: string) =>
  new ProblemException({
    status: 400,
    type: 'validation',
    title: 'Validation Failed',
    detail: message,
    errors: [{ field, messages: [message] }],
  });

/** The admin analytics: windows validated here, every figure from the rollups. */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly analytics: AnalyticsRepository,
    private readonly anomaly: AnomalyRepository,
    private readonly geo: IpGeoRepository,
    private readonly log: RequestLogRepository,
  ) {}

  /** `from`/`to` to dates: default the last 24 hours; `from` before `to`; at most `max` long. */
  window(q: { from?: string; to?: string }, max = 400 * DAY, maxField = 'from') {
    const to = q.to ? new Date(q.to) : new Date();
    if (Number.isNaN(to.getTime())) throw badField('to', 'to is not a valid date');
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY);
    if (Number.isNaN(from.getTime())) throw badField('from', 'from is not a valid date');
    if (from.getTime() >= to.getTime()) throw badField('from', 'from must be before to');
    if (to.getTime() - from.getTime() > max) {
      throw badField(maxField, `the window from..to is longer than ${max / DAY} days`);
    }
    return { from, to };
  }

  async overview(q: { from?: string; to?: string }) {
    const { from, to } = this.window(q);
    const [totals, topCountries, topPaths, topIps] = [
      await this.analytics.totals(from, to),
      await this.analytics.topCountries(from, to),
      await this.analytics.topRoutes(from, to),
      await this.analytics.topIps(from, to),
    ];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      ...totals,
      topCountries,
      topPaths,
      topIps,
    };
  }

  async geoBreakdown(q: { from?: string; to?: string; granularity?: 'country' | 'city' }) {
    const { from, to } = this.window(q);
    const granularity = q.granularity ?? 'country';
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      granularity,
      rows: await this.analytics.geo(from, to, granularity === 'city'),
      attribution: GEO_ATTRIBUTION,
    };
  }

  async timeseries(q: { from?: string; to?: string; bucket?: Bucket }) {
    const bucket = q.bucket ?? 'hour';
    const { from, to } = this.window(q, MAX_WINDOW[bucket], 'bucket');
    const points = await this.analytics.timeseries(from, to, bucket);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket,
      points: points.map((p) => ({ ...p, t: p.t.toISOString() })),
    };
  }

  async suspicious(q: { limit?: number; since?: string }) {
    const since = q.since ? new Date(q.since) : null;
    if (since && Number.isNaN(since.getTime()))
      throw badField('since', 'since is not a valid date');
    return { items: await this.anomaly.list(q.limit ?? 100, since) };
  }

  async ip(raw: string) {
    if (!isIP(raw)) throw badField('ip', 'ip must be an IPv4 or IPv6 address');
    const to = new Date();
    const from = new Date(to.getTime() - 30 * DAY);
    const [geo, usage, findings, recent] = [
      await this.geo.get(raw),
      await this.analytics.ipTotals(raw, from, to),
      await this.anomaly.forIp(raw),
      await this.log.recentForIp(raw),
    ];
    const { uniqueIps: _unused, ...last30Days } = usage.totals;
    void _unused;
    return {
      ip: raw,
      geo: geo
        ? {
            country: geo.country,
            region: geo.region,
            city: geo.city,
            lat: geo.lat,
            lon: geo.lon,
            accuracyKm: geo.accuracyKm,
          }
        : null,
      last30Days,
      topPaths: usage.routes,
      findings,
      recentRequests: recent,
    };
  }
}
