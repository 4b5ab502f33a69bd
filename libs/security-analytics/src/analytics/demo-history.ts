import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { AnalyticsRepository } from './analytics.repository';
import { RequestLogEntry } from '../request-log/request-log.types';
import { RequestLogRepository } from '../request-log/request-log.repository';
import { rollupBatch } from '../rollups/rollups';
import { RollupsRepository } from '../rollups/rollups.repository';

/** Public addresses the bundled GeoLite2 data places in different countries (demo traffic). */
const DEMO_IPS = [
  '8.8.8.8', // US
  '81.2.69.142', // GB
  '2.16.0.1', // EU range
  '5.9.0.1', // DE
  '31.13.64.1', // IE
  '41.0.0.1', // ZA
  '61.135.169.121', // CN
  '103.21.244.1', // AU
  '133.242.0.1', // JP
  '177.0.0.1', // BR
  '185.86.151.11', // FR
  '200.160.2.3', // BR
  '202.12.27.33', // JP
  '212.58.244.1', // GB
];
const SCANNER = '45.155.205.233';
const ROUTES = [
  '/api/v1/articles',
  '/api/v1/articles/:slug',
  '/api/v1/tags',
  '/api/v1/users/:username',
  '/api/v1/auth/login',
];
const PROBES = ['/wp-admin/', '/.env', '/phpmyadmin/', '/.git/config', '/wp-login.php'];

/**
 * Demo data (`SEED_DEMO_DATA`, on by default in embedded mode): a day of request history (raw rows
 * for the last hour, rollups for the day) so the dashboard shows charts on a fresh start. Only
 * into an empty log; deterministic, no randomness.
 */
@Injectable()
export class DemoHistorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoHistorySeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly analytics: AnalyticsRepository,
    private readonly log: RequestLogRepository,
    private readonly rollups: RollupsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const now = Date.now();
    const totals = await this.analytics.totals(new Date(now - 7 * 86_400_000), new Date(now));
    if (totals.requests > 0) return;
    const entries = demoEntries(now);
    const raw = entries.filter((e) => e.at > now - 3_600_000);
    for (let i = 0; i < raw.length; i += 2000) await this.log.insertBatch(raw.slice(i, i + 2000));
    await this.rollups.add(rollupBatch(entries));
    this.logger.log(`demo request history: ${entries.length} requests over the last day`);
  }
}

export function demoEntries(now: number): RequestLogEntry[] {
  const out: RequestLogEntry[] = [];
  const base = now - 24 * 3_600_000;
  for (let m = 0; m < 24 * 60; m += 5) {
    const at = base + m * 60_000;
    // A daily curve: busier in the afternoon (UTC), quiet at night.
    const hour = new Date(at).getUTCHours();
    const load = 1 + Math.round(3 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI)));
    DEMO_IPS.forEach((ip, i) => {
      for (let k = 0; k < load * ((i % 4) + 1); k++) {
        const route = ROUTES[(i + k + m) % ROUTES.length];
        const status =
          route === '/api/v1/auth/login' && k % 3 === 0 ? 401 : (i + k + m) % 47 === 0 ? 404 : 200;
        out.push(entry(at + k * 1000, ip, route, status));
      }
    });
    if (m % 120 === 0) {
      for (const p of PROBES) out.push(entry(at, SCANNER, null, 404, p));
      out.push(entry(at, SCANNER, '/api/v1/articles', 403, '/api/v1/articles', 'blocked'));
    }
    if (hour === 14)
      out.push(entry(at, DEMO_IPS[3], '/api/v1/articles', 429, '/api/v1/articles', 'limited'));
  }
  return out;
}

function entry(
  at: number,
  ip: string,
  route: string | null,
  status: number,
  path = route ?? '/',
  outcome: RequestLogEntry['outcome'] = null,
): RequestLogEntry {
  return {
    at,
    ip,
    method: route === '/api/v1/auth/login' ? 'POST' : 'GET',
    route,
    path: path.replace(':slug', 'welcome-to-nexus').replace(':username', 'ada'),
    status,
    latencyMs: 2 + (at % 7),
    userId: null,
    userAgent: 'demo',
    requestId: null,
    outcome,
  };
}
