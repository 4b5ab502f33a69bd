import { EventEmitter2 } from '@nestjs/event-emitter';
import { Blacklist } from '@nexus/security-analytics';
import type { InjectOptions } from 'fastify';
import { ADMIN_ENV, bearer, loginAsAdmin, registerUser } from '../support/auth';
import { fullModeAvailable, testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;
const BLOCKS = '/api/v1/admin/security/blocks';
/** A cached public route (content's view cache answers it at the edge once warm). */
const CACHED = '/api/v1/tags';

describe.each(testModes())('IP blacklist (%s mode)', (mode) => {
  let t: TestApp;
  let admin: string;
  const events: { name: string; payload: unknown }[] = [];

  beforeAll(async () => {
    t = await startTestApp(mode, {
      env: { ...ADMIN_ENV, ALLOWLIST_CIDRS: '127.0.0.0/8,::1/128,192.0.2.0/28' },
    });
    admin = (await loginAsAdmin(t)).accessToken;
    const emitter = t.app.get(EventEmitter2);
    for (const name of ['security.ip.blocked', 'security.ip.unblocked'])
      emitter.on(name, (payload: unknown) => events.push({ name, payload }));
  });
  afterAll(() => t?.close());

  const from = (remoteAddress: string, opts: Partial<InjectOptions> = {}) =>
    t.inject({ method: 'GET', url: CACHED, remoteAddress, ...opts });
  const block = (payload: object, remoteAddress = '198.51.100.200') =>
    t.inject({ method: 'POST', url: BLOCKS, headers: bearer(admin), payload, remoteAddress });
  const unblock = (id: string) =>
    t.inject({ method: 'DELETE', url: `${BLOCKS}/${id}`, headers: bearer(admin) });

  it('refuses a blocked address with 403 problem+json before the cache, and counts it', async () => {
    // Warm the cache so that the route is answered at the edge.
    await from('198.51.100.1');
    expect((await from('198.51.100.1')).headers['x-cache']).toBe('HIT');

    const res = await block({ cidr: '203.0.113.7', reason: 'scraping' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      cidr: '203.0.113.7/32',
      reason: 'scraping',
      source: 'manual',
      expiresAt: null,
    });
    expect(events).toContainEqual({
      name: 'security.ip.blocked',
      payload: expect.objectContaining({
        blockId: created.id,
        cidr: '203.0.113.7/32',
        source: 'manual',
      }),
    });

    const refused = await from('203.0.113.7');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.headers['x-cache']).toBeUndefined();
    expect(refused.json()).toMatchObject({
      type: 'https://nexus.dev/problems/ip-blocked',
      status: 403,
    });
    expect((await from('203.0.113.8')).statusCode).toBe(200);

    const metrics = await t.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/nexus_requests_blocked_total\{reason="manual"\} [1-9]/);

    const listed = await t.inject({ method: 'GET', url: BLOCKS, headers: bearer(admin) });
    expect(listed.json().items.map((b: { id: string }) => b.id)).toContain(created.id);

    expect((await unblock(created.id)).statusCode).toBe(204);
    expect((await from('203.0.113.7')).statusCode).toBe(200);
    expect(events.map((e) => e.name)).toContain('security.ip.unblocked');
    expect((await unblock(created.id)).statusCode).toBe(404);
  });

  it('matches IPv4 and IPv6 CIDR blocks (IPv6 clients too)', async () => {
    const v4 = (await block({ cidr: '203.0.113.64/26', reason: 'range' })).json();
    const v6 = (await block({ cidr: '2001:db8:abcd::/48', reason: 'v6 range' })).json();
    expect(v6.cidr).toBe('2001:db8:abcd::/48');
    expect((await from('203.0.113.100')).statusCode).toBe(403);
    expect((await from('203.0.113.63')).statusCode).toBe(200);
    expect((await from('2001:db8:abcd:1::99')).statusCode).toBe(403);
    expect((await from('::ffff:203.0.113.65')).statusCode).toBe(403);
    expect((await from('2001:db8:abce::1')).statusCode).toBe(200);
    await unblock(v4.id);
    await unblock(v6.id);
  });

  it('lets a block expire by itself, without a reload', async () => {
    const blacklist = t.app.get(Blacklist);
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const res = await block({ cidr: '203.0.113.9', reason: 'short', expiresAt });
    expect(res.statusCode).toBe(201);
    expect((await from('203.0.113.9')).statusCode).toBe(403);
    expect(blacklist.match('203.0.113.9', Date.parse(expiresAt) - 1)).toBeDefined();
    expect(blacklist.match('203.0.113.9', Date.parse(expiresAt))).toBeUndefined();
    const reload = jest.spyOn(blacklist, 'reload');
    await waitUntil(async () => (await from('203.0.113.9')).statusCode === 200, {
      what: 'block expiry',
    });
    expect(reload).not.toHaveBeenCalled();
    reload.mockRestore();
  });

  it('never blocks the allowlist, even with a forced block over it', async () => {
    const res = await block({ cidr: '192.0.2.0/24', reason: 'over the allowlist', force: true });
    expect(res.statusCode).toBe(201);
    expect((await from('192.0.2.5')).statusCode).toBe(200);
    expect((await from('192.0.2.20')).statusCode).toBe(403);
    await unblock(res.json().id);
  });

  it('believes X-Forwarded-For only from trusted proxies', async () => {
    const b = (await block({ cidr: '203.0.113.7', reason: 'xff' })).json();
    // Untrusted peer: the header changes nothing, either way.
    expect(
      (await from('203.0.113.7', { headers: { 'x-forwarded-for': '198.51.100.77' } })).statusCode,
    ).toBe(403);
    expect(
      (await from('198.51.100.77', { headers: { 'x-forwarded-for': '203.0.113.7' } })).statusCode,
    ).toBe(200);
    await unblock(b.id);
  });

  it.each([
    [{ cidr: 'not-an-ip', reason: 'x' }, 'cidr', /not an IPv4 or IPv6/],
    [{ cidr: '0.0.0.0/0', reason: 'x' }, 'cidr', /every address/],
    [{ cidr: '::/0', reason: 'x' }, 'cidr', /every address/],
    [{ cidr: '10.1.2.3/8', reason: 'x' }, 'cidr', /10\.0\.0\.0\/8/],
    [{ cidr: '1.2.3.4/40', reason: 'x' }, 'cidr', /at most 32/],
    [{ cidr: '1.2.3.4', reason: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt', /future/],
    [{ cidr: '1.2.3.4', reason: 'x', expiresAt: 'tomorrow' }, 'expiresAt', /ISO 8601/],
    [{ cidr: '1.2.3.4', reason: '' }, 'reason', /.+/],
    [{ cidr: '1.2.3.4' }, 'reason', /.+/],
    [{ cidr: '0.0.0.0/1', reason: 'x' }, 'cidr', /covers the allowlist/],
    [{ cidr: '127.0.0.5', reason: 'x' }, 'cidr', /inside the allowlist/],
    [{ cidr: '198.51.100.0/24', reason: 'x' }, 'cidr', /your own address/],
    [{ cidr: 7, reason: 'x' }, 'cidr', /.+/],
    [{ cidr: '1.2.3.4', reason: 'x', force: 'yes' }, 'force', /.+/],
  ])('refuses %j with a 400 naming %s', async (payload, field, message) => {
    const res = await block(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    const error = res.json().errors.find((e: { field: string }) => e.field === field);
    expect(error?.messages.join(' ')).toMatch(message);
  });

  it('blocks the admin’s own address only when forced', async () => {
    const res = await block({ cidr: '198.51.100.0/24', reason: 'forced', force: true });
    expect(res.statusCode).toBe(201);
    // The admin is then blocked too, as asked: unblock from an address outside it.
    expect((await from('198.51.100.200')).statusCode).toBe(403);
    const del = await t.inject({
      method: 'DELETE',
      url: `${BLOCKS}/${res.json().id}`,
      headers: bearer(admin),
      remoteAddress: '192.0.2.1',
    });
    expect(del.statusCode).toBe(204);
  });

  it('is for admins only', async () => {
    const user = await registerUser(t);
    for (const res of [
      await t.inject({ method: 'GET', url: BLOCKS, headers: bearer(user.accessToken) }),
      await t.inject({
        method: 'POST',
        url: BLOCKS,
        headers: bearer(user.accessToken),
        payload: { cidr: '1.2.3.4', reason: 'x' },
      }),
      await t.inject({ method: 'GET', url: BLOCKS }),
    ]) {
      expect([401, 403]).toContain(res.statusCode);
    }
    expect(
      (await t.inject({ method: 'DELETE', url: `${BLOCKS}/nope`, headers: bearer(admin) }))
        .statusCode,
    ).toBe(404);
  });
});

describe.each(testModes())('IP blacklist behind a trusted proxy (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV, TRUSTED_PROXIES: '127.0.0.1/32' } });
  });
  afterAll(() => t?.close());

  it('uses the rightmost untrusted hop', async () => {
    const admin = (await loginAsAdmin(t)).accessToken;
    const res = await t.inject({
      method: 'POST',
      url: BLOCKS,
      headers: { ...bearer(admin), 'x-forwarded-for': '198.51.100.3' },
      payload: { cidr: '203.0.113.7', reason: 'proxy' },
    });
    expect(res.statusCode).toBe(201);
    const via = (xff: string) =>
      t.inject({ method: 'GET', url: CACHED, headers: { 'x-forwarded-for': xff } });
    expect((await via('203.0.113.7')).statusCode).toBe(403);
    // A client-written leftmost entry is not believed; the proxy appended the real peer.
    expect((await via('203.0.113.7, 198.51.100.9')).statusCode).toBe(200);
    expect((await via('198.51.100.9, 203.0.113.7')).statusCode).toBe(403);
  });
});

(fullModeAvailable() ? describe : describe.skip)(
  'IP blacklist across api instances (full mode)',
  () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      a = await startTestApp('full', { env: { ...ADMIN_ENV } });
      b = await startTestApp('full', { shareWith: a, env: { ...ADMIN_ENV } });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    it('a block made on one instance is enforced by the other at once, and so is the unblock', async () => {
      const admin = (await loginAsAdmin(a)).accessToken;
      const res = await a.inject({
        method: 'POST',
        url: BLOCKS,
        headers: bearer(admin),
        payload: { cidr: '203.0.113.0/24', reason: 'two instances' },
      });
      expect(res.statusCode).toBe(201);
      const onB = () => b.inject({ method: 'GET', url: CACHED, remoteAddress: '203.0.113.50' });
      await waitUntil(async () => (await onB()).statusCode === 403, {
        timeoutMs: 1000,
        what: 'block on b',
      });
      await a.inject({
        method: 'DELETE',
        url: `${BLOCKS}/${res.json().id}`,
        headers: bearer(admin),
      });
      await waitUntil(async () => (await onB()).statusCode === 200, {
        timeoutMs: 1000,
        what: 'unblock on b',
      });
    });
  },
);
