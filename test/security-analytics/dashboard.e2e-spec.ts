import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnomalyRepository } from '../../libs/security-analytics/src/anomaly/anomaly.repository';
import { IpGeoRepository } from '../../libs/security-analytics/src/geo/ip-geo.repository';
import type { RollupIncrement } from '../../libs/security-analytics/src/rollups/rollups';
import { RollupsRepository } from '../../libs/security-analytics/src/rollups/rollups.repository';
import { ADMIN_ENV } from '../support/auth';
import { launchBrowser } from '../support/browser';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const OUTPUT = join(__dirname, '../../test-output');

/** Request history of the last 24 hours in three countries, and one finding. */
async function seedHistory(t: TestApp): Promise<void> {
  const now = Date.now();
  const increments: RollupIncrement[] = [];
  const ips = ['203.0.113.10', '203.0.113.20', '203.0.113.30'];
  for (let h = 23; h >= 1; h--) {
    const minute = now - h * 3_600_000 - ((now - h * 3_600_000) % 60_000);
    ips.forEach((ip, i) =>
      increments.push({
        minute,
        ip,
        route: '/api/v1/articles',
        statusClass: i === 2 ? 4 : 2,
        requests: 10 * (i + 1) + h,
        probeHits: i === 2 ? 10 * (i + 1) + h : 0,
        blocked: 0,
        limited: 0,
        latencyMsSum: 5,
      }),
    );
  }
  await t.app.get(RollupsRepository).add(increments.sort((a, b) => a.minute - b.minute));
  const place = (ip: string, country: string, city: string) => ({
    ip,
    country,
    city,
    region: null,
    lat: 0,
    lon: 0,
    accuracyKm: 50,
  });
  await t.app
    .get(IpGeoRepository)
    .upsert([
      place(ips[0], 'FR', 'Paris'),
      place(ips[1], 'JP', 'Tokyo'),
      place(ips[2], 'BR', 'São Paulo'),
    ]);
  await t.app.get(AnomalyRepository).upsertFinding(
    {
      ip: ips[2],
      rule: 'probing',
      reason: '403/404 on 12 distinct paths in 10 minutes',
      score: 60,
      hits: 12,
    },
    new Date(),
  );
}

describe.each(testModes())('security dashboard in a browser (%s)', (mode) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    await seedHistory(t);
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('serves the page and chart.js itself, under the app CSP', async () => {
    const page = await t.inject({ url: '/admin/security' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.body).not.toMatch(/<script>(?!<)/);
    expect(page.body).toContain('GeoLite2');
    const chart = await t.inject({ url: '/admin/security/assets/chart.umd.min.js' });
    expect(chart.statusCode).toBe(200);
    expect(chart.body).toContain('Chart');
    expect((await t.inject({ url: '/admin/security/assets/nope.js' })).statusCode).toBe(404);
  });

  it('signs an admin in, draws the charts and tables with data, blocks and unblocks a range', async () => {
    const browser = await launchBrowser();
    const context = browser.context;
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Every request of the page succeeds.
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${t.url}/admin/security`);
      await page.fill('input[name=email]', ADMIN_ENV.ADMIN_EMAIL);
      await page.fill('input[name=password]', ADMIN_ENV.ADMIN_PASSWORD);
      await page.click('#login button[type=submit]');
      await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });

      expect(Number(await page.getAttribute('#timeseries', 'data-points'))).toBeGreaterThan(10);
      // FR, JP, BR and the test's own requests from 127.0.0.1 (unknown).
      expect(Number(await page.getAttribute('#countries', 'data-points'))).toBe(4);
      // Drawn: the canvases hold painted pixels, not an empty bitmap.
      // (A string: this project compiles without the DOM types.)
      const painted = await page.evaluate<number[]>(`['timeseries', 'countries'].map((id) => {
        const c = document.getElementById(id);
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      })`);
      expect(painted[0]).toBeGreaterThan(500);
      expect(painted[1]).toBeGreaterThan(500);
      expect(await page.textContent('#top-ips')).toContain('203.0.113.30');
      expect(await page.textContent('#top-paths')).toContain('/api/v1/articles');
      expect(await page.textContent('#suspicious')).toContain('probing');
      expect(await page.textContent('footer')).toContain('GeoLite2');
      // Block a range from the page: it is listed and enforced; unblock it: gone and let through.
      await page.fill('#block input[name=cidr]', '198.51.100.0/24');
      await page.fill('#block input[name=reason]', 'dashboard test');
      await page.click('#block button[type=submit]');
      await page.locator('#blocks td', { hasText: '198.51.100.0/24' }).waitFor();
      expect(await page.textContent('#block-error')).toBe('');
      const blocked = await t.inject({ url: '/health/live', remoteAddress: '198.51.100.5' });
      expect(blocked.statusCode).toBe(403);
      await page.screenshot({
        path: join(OUTPUT, `security-dashboard-${mode}.png`),
        fullPage: true,
      });
      await page.click('#blocks button:has-text("Unblock")');
      await page
        .locator('#blocks td', { hasText: '198.51.100.0/24' })
        .waitFor({ state: 'detached' });
      const allowed = await t.inject({ url: '/health/live', remoteAddress: '198.51.100.5' });
      expect(allowed.statusCode).toBe(200);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
