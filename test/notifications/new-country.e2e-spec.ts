import { QueueRegistry } from '@nexus/core';
import { DataSource } from 'typeorm';
import { registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { outboxDelivered } from '../support/outbox';
import { queuesIdle, waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';
import { notificationsOf } from './notification-helpers';

/** Addresses geoip-lite's bundled data places in two countries. */
const GB = '81.2.69.142';
const GB_OTHER = '81.2.69.160';
const US = '8.8.8.8';

/**
 * Real sign-ins through the login route, their address given by a trusted proxy: users' event
 * carries the address, notifications locates it where the queue workers run and notices a
 * country the account never signed in from.
 */
describe.each(testModes())('sign-in from a new country (%s mode)', (mode) => {
  let t: TestApp;
  let db: DataSource;
  let user: RegisteredUser;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { TRUSTED_PROXIES: '127.0.0.1/32' } });
    db = t.app.get(DataSource);
    user = await registerUser(t); // its sign-in comes from 127.0.0.1: not located
  });
  afterAll(() => t?.close());

  const loginFrom = async (ip: string) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': ip },
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    // The location job has run: it is queued by the login's event (delivered before the answer, or
    // by the outbox relay just after it when its poll took the event first), then run.
    await outboxDelivered(t);
    await queuesIdle(t.app.get(QueueRegistry));
  };
  const countries = async () =>
    (
      await db.query(
        `SELECT country FROM notification_login_countries WHERE user_id = $1 ORDER BY country`,
        [user.id],
      )
    ).map((r: { country: string }) => r.country);
  const notices = async () =>
    (await notificationsOf(t, user)).filter((n) => n.type === 'security.new_country');

  it('the first located sign-in is no news; another country is, once', async () => {
    expect(await countries()).toEqual([]);

    await loginFrom(GB);
    await waitUntil(async () => (await countries()).length === 1, { what: 'GB remembered' });
    expect(await countries()).toEqual(['GB']);
    expect(await notices()).toEqual([]);

    await loginFrom(GB_OTHER); // another address, same country
    expect(await notices()).toEqual([]);

    await loginFrom(US);
    await waitUntil(async () => (await countries()).length === 2, { what: 'US remembered' });
    const [notice, ...more] = await notices();
    expect(more).toEqual([]);
    expect(notice.data).toMatchObject({ country: 'US', ip: US });
    await t.mailbox.waitFor(
      (m) => m.to.includes(user.email) && m.subject === 'New sign-in from another country',
    );

    await loginFrom(US); // known by now
    expect(await notices()).toHaveLength(1);
    expect(await countries()).toEqual(['GB', 'US']);
    const mails = (await t.mailbox.messages()).filter(
      (m) => m.to.includes(user.email) && m.subject === 'New sign-in from another country',
    );
    expect(mails).toHaveLength(1);
  });
});
