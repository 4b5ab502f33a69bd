import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainEvents } from '@nexus/core';
import {
  AUTO_BLOCK_CLOCK,
  AutoBlockPolicy,
  Blacklist,
  BlocksService,
  IpFlaggedEvent,
} from '@nexus/security-analytics';
import { randomUUID } from 'node:crypto';
import { ADMIN_ENV, bearer, loginAsAdmin } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

/** The policy's clock, moved by the test instead of waiting hours. */
const clock = { now: Date.now() };

@Global()
@Module({
  providers: [{ provide: AUTO_BLOCK_CLOCK, useValue: () => new Date(clock.now) }],
  exports: [AUTO_BLOCK_CLOCK],
})
class ClockModule {}

const HOUR = 3600_000;

describe.each(testModes())('automatic blocks (%s mode)', (mode) => {
  let t: TestApp;
  let blacklist: Blacklist;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(mode, {
      imports: [ClockModule],
      env: { ...ADMIN_ENV, ANOMALY_POLICY: 'block', AUTO_BLOCK_DURATIONS: '1h,4h,24h' },
    });
    blacklist = t.app.get(Blacklist);
    admin = (await loginAsAdmin(t)).accessToken;
  });
  afterAll(() => t?.close());

  const flag = (ip: string) =>
    t.app
      .get(DomainEvents)
      .emit('security.ip.flagged', new IpFlaggedEvent(ip, 'probing', '12 distinct 404s', 40));
  const autoBlocksOf = async (cidr: string) => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/admin/security/blocks?limit=100',
      headers: bearer(admin),
    });
    return (res.json().items as { cidr: string; source: string; expiresAt: string }[]).filter(
      (b) => b.cidr === cidr && b.source === 'auto',
    );
  };

  it('blocks a flagged address for 1h, then 4h, then 24h (capped), each expiring by itself', async () => {
    const ip = '203.0.113.50';
    const durations: number[] = [];
    for (let round = 0; round < 4; round++) {
      const flaggedAt = clock.now;
      await flag(ip);
      // Flagged again while blocked: no second block, no escalation.
      await flag(ip);
      const active = (await autoBlocksOf(`${ip}/32`)).filter(
        (b) => Date.parse(b.expiresAt) > clock.now,
      );
      expect(active).toHaveLength(1);
      const expiresAt = Date.parse(active[0].expiresAt);
      durations.push(Math.round((expiresAt - flaggedAt) / HOUR));
      expect(blacklist.match(ip, clock.now)).toMatchObject({ source: 'auto' });
      expect(blacklist.match(ip, expiresAt - 1)).toBeDefined();
      // Expired on the blacklist's own clock: no reload, no unblock.
      expect(blacklist.match(ip, expiresAt)).toBeUndefined();
      clock.now = expiresAt + 1000;
    }
    expect(durations).toEqual([1, 4, 24, 24]);
  });

  it('blocks once per event, whatever the number of deliveries', async () => {
    const policy = t.app.get(AutoBlockPolicy);
    const meta = {
      eventId: randomUUID(),
      name: 'security.ip.flagged' as const,
      occurredAt: new Date(),
    };
    const event = new IpFlaggedEvent('203.0.113.51', 'probing', 'x', 1);
    await Promise.all([policy.onFlagged(event, meta), policy.onFlagged(event, meta)]);
    expect(await autoBlocksOf('203.0.113.51/32')).toHaveLength(1);
  });

  it('never blocks the allowlist, and only blocks under the block policy', async () => {
    await flag('127.0.0.1');
    expect(await autoBlocksOf('127.0.0.1/32')).toHaveLength(0);

    const config = t.app.get<AppConfig>(APP_CONFIG);
    for (const anomalyPolicy of ['flag', 'off'] as const) {
      const policy = new AutoBlockPolicy({ ...config, anomalyPolicy }, t.app.get(BlocksService));
      await policy.onFlagged(new IpFlaggedEvent('203.0.113.52', 'probing', 'x', 1), {
        eventId: randomUUID(),
        name: 'security.ip.flagged',
        occurredAt: new Date(),
      });
    }
    expect(await autoBlocksOf('203.0.113.52/32')).toHaveLength(0);
  });
});
