import { GeoEnricher, RequestLogWriter, RetentionService } from '@nexus/security-analytics';
import { DataSource } from 'typeorm';
import { GeoLookup } from '../../libs/security-analytics/src/geo/geo-lookup';
import type { RollupIncrement } from '../../libs/security-analytics/src/rollups/rollups';
import { RollupsRepository } from '../../libs/security-analytics/src/rollups/rollups.repository';
import { ADMIN_ENV, bearer, loginAs, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const BASE = '/api/v1/admin/security';
// 100 days ago, midnight UTC: inside the rollups' retention, outside any live traffic.
const DAY0 = Math.floor(Date.now() / 86_400_000 - 100) * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

const inc = (
  ip: string,
  minute: number,
  route: string,
  status: number,
  requests: number,
  extra: Partial<RollupIncrement> = {},
): RollupIncrement => ({
  minute: DAY0 + minute * MIN,
  ip,
  route,
  statusClass: Math.floor(status / 100),
  requests,
  probeHits: status === 404 ? requests : 0,
  blocked: 0,
  limited: 0,
  latencyMsSum: requests,
  ...extra,
});

describe.each(testModes())('security analytics API (%s)', (mode) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    admin = (await loginAs(t, ADMIN_ENV.ADMIN_EMAIL, ADMIN_ENV.ADMIN_PASSWORD)).accessToken;
    // A window in the past that live test traffic cannot touch. 8.8.8.8 is located in the US,
    // 81.2.69.142 in GB by the bundled GeoLite2 data; 10.1.2.3 (private) stays unknown.
    await t.app
      .get(RollupsRepository)
      .add(
        [
          inc('8.8.8.8', 0, '/api/v1/articles', 200, 30),
          inc('8.8.8.8', 61, '/api/v1/articles', 200, 10),
          inc('81.2.69.142', 1, '/wp-login.php', 404, 5),
          inc('81.2.69.142', 2, '/api/v1/articles', 403, 3, { blocked: 3 }),
          inc('10.1.2.3', 3, '/api/v1/tags', 429, 2, { limited: 2 }),
          inc('10.1.2.3', 4, '/api/v1/tags', 500, 1),
        ].sort((a, b) => a.minute - b.minute),
      );
    // Rollups outside the last day are not picked up for location: locate these explicitly.
    const geo = t.app.get(GeoLookup);
    await t.app
      .get(DataSource)
      .query(
        `INSERT INTO ip_geo (ip, country, city, lat, lon) VALUES ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10), ($11, NULL, NULL, NULL, NULL)`,
        [
          '8.8.8.8',
          geo.lookup('8.8.8.8').country,
          geo.lookup('8.8.8.8').city,
          geo.lookup('8.8.8.8').lat,
          geo.lookup('8.8.8.8').lon,
          '81.2.69.142',
          geo.lookup('81.2.69.142').country,
          geo.lookup('81.2.69.142').city,
          51.5,
          -0.1,
          '10.1.2.3',
        ],
      );
  }, 60_000);
  afterAll(() => t?.close());

  const get = (url: string, token: string | null = admin) =>
    t.inject({ url: `${BASE}${url}`, headers: token ? bearer(token) : {} });
  const window = `from=${iso(DAY0)}&to=${iso(DAY0 + 86_400_000)}`;

  it('is for admins only', async () => {
    expect((await get('/analytics/overview', null)).statusCode).toBe(401);
    const user = await registerUser(t);
    expect((await get('/analytics/overview', user.accessToken)).statusCode).toBe(403);
    expect((await get('/suspicious-ips', user.accessToken)).statusCode).toBe(403);
  });

  it('gives the overview of a window from the rollups', async () => {
    const res = await get(`/analytics/overview?${window}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      requests: 51,
      uniqueIps: 3,
      blocked: 3,
      limited: 2,
      clientErrors: 10,
      serverErrors: 1,
      topCountries: [
        { key: 'US', requests: 40 },
        { key: 'GB', requests: 8 },
        { key: 'unknown', requests: 3 },
      ],
      topIps: [
        { ip: '8.8.8.8', country: 'US', requests: 40 },
        { ip: '81.2.69.142', country: 'GB', requests: 8 },
        { ip: '10.1.2.3', country: 'unknown', requests: 3 },
      ],
    });
    expect(res.json().topPaths[0]).toEqual({ key: '/api/v1/articles', requests: 43 });
  });

  it('breaks traffic down by country and city, with the GeoLite2 attribution', async () => {
    const res = await get(`/analytics/geo?${window}&granularity=country`);
    expect(res.statusCode).toBe(200);
    expect(
      res.json().rows.map((r: { country: string; requests: number }) => [r.country, r.requests]),
    ).toEqual([
      ['US', 40],
      ['GB', 8],
      ['unknown', 3],
    ]);
    expect(res.json().attribution).toMatch(/GeoLite2/);
    const cities = await get(`/analytics/geo?${window}&granularity=city`);
    expect(cities.statusCode).toBe(200);
    expect(cities.json().rows).toHaveLength(3);
  });

  it('gives a time series per minute, hour or day', async () => {
    const hours = await get(`/analytics/timeseries?${window}&bucket=hour`);
    expect(hours.statusCode).toBe(200);
    expect(
      hours.json().points.map((p: { t: string; requests: number }) => [p.t, p.requests]),
    ).toEqual([
      [iso(DAY0), 41],
      [iso(DAY0 + 3_600_000), 10],
    ]);
    const days = await get(`/analytics/timeseries?${window}&bucket=day`);
    expect(days.json().points).toEqual([
      {
        t: iso(DAY0),
        requests: 51,
        clientErrors: 10,
        serverErrors: 1,
        blocked: 3,
        limited: 2,
      },
    ]);
  });

  it.each([
    ['/analytics/timeseries?bucket=week', 'bucket'],
    ['/analytics/timeseries?bucket=minute&from=2020-03-01&to=2020-03-05', 'bucket'],
    ['/analytics/overview?from=2020-03-02&to=2020-03-01', 'from'],
    ['/analytics/overview?from=yesterday', 'from'],
    ['/analytics/overview?to=2020-13-45', 'to'],
    ['/analytics/overview?from=2000-01-01&to=2020-01-01', 'from'],
    ['/analytics/geo?granularity=planet', 'granularity'],
    ['/suspicious-ips?limit=0', 'limit'],
    ['/ips/not-an-ip', 'ip'],
    ['/ips/1.2.3.4.5', 'ip'],
  ])('%s is a 400 naming %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('tells everything known about one address', async () => {
    await t.inject({ url: '/health/live', remoteAddress: '192.0.2.77' });
    await t.app.get(RequestLogWriter).flush();
    const res = await get('/ips/192.0.2.77');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ip: '192.0.2.77',
      last30Days: { requests: 1 },
      topPaths: [{ key: '/health/live', requests: 1 }],
      findings: [],
    });
    expect(res.json().recentRequests[0]).toMatchObject({ route: '/health/live', status: 200 });
  });

  it('locates new addresses off the request path, and a missing geo database leaves them unknown', async () => {
    await t.inject({ url: '/health/live', remoteAddress: '1.1.1.1' });
    await t.app.get(RequestLogWriter).flush();
    const lookup = t.app.get(GeoLookup);
    lookup.use(null);
    await t.app.get(GeoEnricher).enrich();
    expect((await get('/ips/1.1.1.1')).json().geo).toMatchObject({ country: null });
    lookup.use({
      lookup: () => ({ country: 'AU', region: 'NSW', city: 'Sydney', ll: [-33.8, 151.2], area: 5 }),
    });
    // Unknown addresses are looked up again only after a day.
    await t.app
      .get(DataSource)
      .query(`UPDATE ip_geo SET looked_up_at = now() - interval '2 days' WHERE ip = '1.1.1.1'`);
    await t.app.get(GeoEnricher).enrich();
    expect((await get('/ips/1.1.1.1')).json().geo).toMatchObject({ country: 'AU', city: 'Sydney' });
  });

  it('prunes the raw log and the rollups by age', async () => {
    const old = Date.parse('2020-03-01T00:00:00Z');
    await t.app
      .get(RollupsRepository)
      .add([{ ...inc('192.0.2.99', 0, '/x', 200, 7), minute: old }]);
    const oldWindow = `from=2020-03-01&to=2020-03-02`;
    expect((await get(`/analytics/overview?${oldWindow}`)).json().requests).toBe(7);
    // 2020 is older than the 400 days rollups are kept; the window of 100 days ago is not.
    await t.app.get(RetentionService).prune();
    expect((await get(`/analytics/overview?${oldWindow}`)).json().requests).toBe(0);
    expect((await get(`/analytics/overview?${window}`)).json().requests).toBe(51);
    expect((await get('/ips/192.0.2.77')).json().last30Days.requests).toBe(1);
  });
});
