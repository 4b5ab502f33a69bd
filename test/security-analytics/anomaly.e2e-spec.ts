import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { AnomalyService, IpFlaggedEvent, SecurityEvents } from '@nexus/security-analytics';
import { randomUUID } from 'node:crypto';
import { LoginEventsRepository } from '../../libs/security-analytics/src/anomaly/login-events.repository';
import { AnomalyRepository } from '../../libs/security-analytics/src/anomaly/anomaly.repository';
import { IpGeoRepository } from '../../libs/security-analytics/src/geo/ip-geo.repository';
import { RollupsRepository } from '../../libs/security-analytics/src/rollups/rollups.repository';
import type { RollupIncrement } from '../../libs/security-analytics/src/rollups/rollups';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-06-01T12:00:00Z');
const MIN = 60_000;

function rollup(
  ip: string,
  minutesAgo: number,
  route: string,
  status: number,
  requests = 1,
): RollupIncrement {
  const at = NOW.getTime() - minutesAgo * MIN;
  return {
    minute: at - (at % MIN),
    ip,
    route,
    statusClass: Math.floor(status / 100),
    requests,
    probeHits: status === 403 || status === 404 ? requests : 0,
    blocked: 0,
    limited: 0,
    latencyMsSum: requests,
  };
}

/**
 * Each rule on a synthetic log (rollups and login events written directly, at a fixed time): the
 * address at the threshold is flagged, the one just under it is not.
 */
describe.each(testModes())('anomaly rules (%s)', (mode) => {
  let t: TestApp;
  const flagged: IpFlaggedEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { RUN_WORKERS: 'false' } });
    t.app.get(EventEmitter2).on(SecurityEvents.ipFlagged, (e: IpFlaggedEvent) => flagged.push(e));

    const increments: RollupIncrement[] = [];
    // requests-per-hour: 101 requests (flagged) vs 100 (quiet), spread over the hour.
    for (let m = 0; m < 50; m++)
      increments.push(rollup('198.18.1.1', m, '/api/v1/articles', 200, 2));
    increments.push(rollup('198.18.1.1', 55, '/api/v1/articles', 200, 1));
    for (let m = 0; m < 50; m++)
      increments.push(rollup('198.18.1.2', m, '/api/v1/articles', 200, 2));
    // ...and 30 more that are older than the hour.
    increments.push(rollup('198.18.1.2', 61, '/api/v1/articles', 200, 30));
    // sensitive-paths: one refused request under /wp-admin (flagged); a 200 on /admin/security and
    // a 404 on /administrator (not under /admin) stay quiet.
    increments.push(rollup('198.18.2.1', 5, '/wp-admin/setup.php', 404));
    increments.push(rollup('198.18.2.2', 5, '/admin/security', 200));
    increments.push(rollup('198.18.2.2', 5, '/administrator', 404));
    // probing: 10 distinct 404 paths in 10 minutes (flagged) vs 9 (quiet, however often).
    for (let i = 0; i < 10; i++) increments.push(rollup('198.18.3.1', i % 9, `/p${i}`, 404));
    for (let i = 0; i < 9; i++) increments.push(rollup('198.18.3.2', 1, `/p${i}`, 404, 5));
    // ...a tenth path older than the window does not count.
    increments.push(rollup('198.18.3.2', 12, '/p9', 404));
    await t.app.get(RollupsRepository).add(increments.sort((a, b) => a.minute - b.minute));

    // credential-stuffing: failed logins with 5 distinct submitted identifiers (flagged) vs 4
    // identifiers tried 5 times each (quiet). Accounts need not exist: no user id here at all.
    const logins = t.app.get(LoginEventsRepository);
    const failed = (ip: string, identifierHash: string, minutesAgo: number) => ({
      eventId: randomUUID(),
      at: new Date(NOW.getTime() - minutesAgo * MIN),
      ip,
      userId: null,
      success: false,
      identifierHash,
    });
    const identifiers = ['h1', 'h2', 'h3', 'h4', 'h5'];
    await logins.insert(identifiers.map((h, i) => failed('198.18.4.1', h, i)));
    await logins.insert(
      identifiers
        .slice(0, 4)
        .flatMap((h) => [0, 1, 2, 3, 4].map((i) => failed('198.18.4.2', h, i))),
    );
    // ...and a fifth identifier older than the window does not count.
    await logins.insert([failed('198.18.4.2', 'h5', 11)]);

    // impossible-travel: Paris then Sydney 30 minutes later (flagged: Sydney's address); Paris then
    // Berlin two hours later (~880 km, 440 km/h: quiet).
    await t.app.get(IpGeoRepository).upsert([
      {
        ip: '198.18.5.1',
        country: 'FR',
        region: null,
        city: 'Paris',
        lat: 48.86,
        lon: 2.35,
        accuracyKm: 20,
      },
      {
        ip: '198.18.5.2',
        country: 'AU',
        region: null,
        city: 'Sydney',
        lat: -33.87,
        lon: 151.21,
        accuracyKm: 20,
      },
      {
        ip: '198.18.5.3',
        country: 'DE',
        region: null,
        city: 'Berlin',
        lat: 52.52,
        lon: 13.4,
        accuracyKm: 20,
      },
    ]);
    const [traveller, commuter] = [randomUUID(), randomUUID()];
    const login = (ip: string, userId: string, minutesAgo: number) => ({
      eventId: randomUUID(),
      at: new Date(NOW.getTime() - minutesAgo * MIN),
      ip,
      userId,
      success: true,
    });
    await logins.insert([
      login('198.18.5.1', traveller, 40),
      login('198.18.5.2', traveller, 10),
      login('198.18.5.1', commuter, 150),
      login('198.18.5.3', commuter, 30),
    ]);
  }, 60_000);
  afterAll(() => t?.close());

  it('flags each address at its rule threshold and none just under it, and emits security.ip.flagged', async () => {
    const { findings, flagged: fresh } = await t.app.get(AnomalyService).scan(NOW);
    const pairs = (xs: { ip: string; rule: string }[]) => xs.map((f) => `${f.rule} ${f.ip}`).sort();
    const expected = [
      'credential-stuffing 198.18.4.1',
      'impossible-travel 198.18.5.2',
      'probing 198.18.3.1',
      'requests-per-hour 198.18.1.1',
      'sensitive-paths 198.18.2.1',
    ];
    expect(pairs(findings)).toEqual(expected);
    expect(pairs(fresh)).toEqual(expected);
    expect(pairs(flagged)).toEqual(expected);
    const perHour = findings.find((f) => f.rule === 'requests-per-hour')!;
    expect(perHour.hits).toBe(101);
    expect(findings.find((f) => f.rule === 'impossible-travel')!.reason).toMatch(/Paris → Sydney/);
  });

  it('records findings in suspicious_ips and announces a continuing one only once', async () => {
    const before = flagged.length;
    const again = await t.app.get(AnomalyService).scan(new Date(NOW.getTime() + 5 * MIN));
    expect(again.flagged.map((f) => f.ip).sort()).not.toContain('198.18.1.1');
    expect(flagged.length - before).toBe(again.flagged.length);
    const res = await t.app.get(AnomalyRepository).list(100, null);
    expect(res.map((r) => `${r.rule} ${r.ip}`)).toContain('probing 198.18.3.1');
  });
});

/**
 * Credential stuffing through the real login route: failed logins on unknown emails are
 * recorded with a keyed hash of the identifier (never the email), and the rule fires at the
 * fifth distinct identifier from one address, not at the fourth.
 */
describe.each(testModes())('credential stuffing from real logins (%s)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { RUN_WORKERS: 'false' } });
  }, 60_000);
  afterAll(() => t?.close());

  const attempt = (i: number, remoteAddress: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { email: `Stuffed${i}@Example.test`, password: 'wrong-password-123' },
    });
  const stuffingIps = async () =>
    (await t.app.get(AnomalyService).scan(new Date())).findings
      .filter((f) => f.rule === 'credential-stuffing')
      .map((f) => f.ip);

  it('stays quiet at 4 distinct identifiers and fires at 5, without storing them in clear', async () => {
    // The same identifier again (any case) is one identifier.
    for (const i of [1, 2, 3, 4, 4]) expect((await attempt(i, '198.18.9.1')).statusCode).toBe(401);
    expect(await stuffingIps()).not.toContain('198.18.9.1');
    expect((await attempt(5, '198.18.9.1')).statusCode).toBe(401);
    expect(await stuffingIps()).toContain('198.18.9.1');

    const rows: { identifier_hash: string | null; user_id: string | null }[] = await t.app
      .get(DataSource)
      .query(`SELECT identifier_hash, user_id FROM security_login_events WHERE ip = '198.18.9.1'`);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.identifier_hash)).size).toBe(5);
    for (const r of rows) {
      expect(r.user_id).toBeNull();
      expect(r.identifier_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
    const table = JSON.stringify(
      await t.app.get(DataSource).query(`SELECT * FROM security_login_events`),
    ).toLowerCase();
    expect(table).not.toContain('stuffed');
    expect(table).not.toContain('example.test');
  });
});
