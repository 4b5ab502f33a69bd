import { EmailDeliveriesRepository, MailService, MailTemplates } from '@nexus/core';
import { ADMIN_ENV, bearer, loginAsAdmin, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe.each(testModes())('admin: queues and email deliveries (%s mode)', (mode) => {
  let t: TestApp;
  let admin: string;
  let user: RegisteredUser;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    t.app
      .get(MailTemplates)
      .register('ops-test', { subject: 'Ops {{n}}', html: '<p>{{n}}</p>', text: 'n={{n}}' });
    admin = (await loginAsAdmin(t)).accessToken;
    user = await registerUser(t);
  });
  afterAll(() => t?.close());

  const get = (url: string, token?: string) =>
    t.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
  const post = (url: string, token?: string) =>
    t.inject({ method: 'POST', url, headers: token ? bearer(token) : {} });

  /** A delivery that used up its attempts (the path to `dead` is core's mail suite's subject). */
  const deadDelivery = async (n: number, to = `dead-${n}-${mode}@example.com`) => {
    const d = await t.app.get(MailService).send({ to, template: 'ops-test', context: { n } });
    const repo = t.app.get(EmailDeliveriesRepository);
    await waitUntil(async () => (await repo.findById(d.id))?.status === 'sent', {
      what: 'first send',
    });
    // The states a failed last attempt leaves (markDead keeps a sent delivery sent).
    await repo.markFailed(d.id, 'smtp said no');
    await repo.markDead(d.id, 'smtp said no');
    expect((await repo.findById(d.id))!.status).toBe('dead');
    return d.id;
  };

  it('denies anonymous callers (401) and plain users (403) on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/admin/queues'],
      ['GET', '/api/v1/admin/notifications/deliveries?status=dead'],
      ['POST', `/api/v1/admin/notifications/deliveries/${id}/retry`],
    ] as const) {
      const anon = await t.inject({ method, url });
      expect(anon.statusCode).toBe(401);
      expect(anon.headers['content-type']).toMatch(PROBLEM);
      const plain = await t.inject({ method, url, headers: bearer(user.accessToken) });
      expect(plain.statusCode).toBe(403);
    }
  });

  it('lists every queue with its counts per state and its backend', async () => {
    const res = await get('/api/v1/admin/queues', admin);
    expect(res.statusCode).toBe(200);
    const email = res.json().queues.find((q: { name: string }) => q.name === 'email');
    expect(email).toEqual({
      name: 'email',
      backend: mode === 'full' ? 'bullmq' : 'in-process',
      counts: {
        waiting: expect.any(Number),
        active: expect.any(Number),
        delayed: expect.any(Number),
        completed: expect.any(Number),
        failed: expect.any(Number),
      },
      oldestWaitingSeconds: null,
    });
    // The verification email of the registered user went through it.
    expect(email.counts.completed).toBeGreaterThan(0);
  });

  it('pages through dead deliveries, newest change first, and validates its input', async () => {
    const ids = [await deadDelivery(1), await deadDelivery(2), await deadDelivery(3)];
    const first = await get('/api/v1/admin/notifications/deliveries?status=dead&limit=2', admin);
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(2);
    expect(first.json().items.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[1]]);
    expect(first.json().items[0]).toMatchObject({
      status: 'dead',
      template: 'ops-test',
      subject: 'Ops 3',
      lastError: 'smtp said no',
    });
    expect(first.json().items[0]).not.toHaveProperty('html');
    const cursor = first.json().nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = await get(
      `/api/v1/admin/notifications/deliveries?status=dead&limit=2&cursor=${encodeURIComponent(cursor)}`,
      admin,
    );
    expect(second.json().items.map((d: { id: string }) => d.id)).toEqual([ids[0]]);
    expect(second.json().nextCursor).toBeNull();

    // Sent deliveries are not dead ones.
    const sent = await get('/api/v1/admin/notifications/deliveries?status=sent', admin);
    expect(sent.json().items.every((d: { status: string }) => d.status === 'sent')).toBe(true);
    expect(sent.json().items.length).toBeGreaterThan(0);

    for (const query of [
      'status=zombie',
      'limit=0',
      'limit=abc',
      'cursor=forged',
      `status=sent&cursor=${encodeURIComponent(cursor)}`,
      'extra=1',
    ]) {
      const bad = await get(`/api/v1/admin/notifications/deliveries?${query}`, admin);
      expect({ query, status: bad.statusCode }).toEqual({ query, status: 400 });
      expect(bad.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('retries a dead delivery once: queued again, sent, then refused (409)', async () => {
    const to = `retry-${mode}@example.com`;
    const id = await deadDelivery(9, to);
    const res = await post(`/api/v1/admin/notifications/deliveries/${id}/retry`, admin);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ id, status: 'queued', attempts: 0 });
    const repo = t.app.get(EmailDeliveriesRepository);
    const sent = await waitUntil(
      async () => {
        const d = await repo.findById(id);
        return d?.status === 'sent' ? d : undefined;
      },
      { what: 'retried delivery sent' },
    );
    expect(sent.attempts).toBe(1);
    // Two messages to that address: the first send and the retry.
    await t.mailbox.waitFor((m) => m.to.includes(to) && m.subject === 'Ops 9');

    const again = await post(`/api/v1/admin/notifications/deliveries/${id}/retry`, admin);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(PROBLEM);
    const unknown = await post(
      '/api/v1/admin/notifications/deliveries/00000000-0000-4000-8000-000000000000/retry',
      admin,
    );
    expect(unknown.statusCode).toBe(404);
    const garbage = await post('/api/v1/admin/notifications/deliveries/not-a-uuid/retry', admin);
    expect(garbage.statusCode).toBe(400);
  });

  it('exports queue and delivery metrics', async () => {
    const body = (await t.inject('/metrics')).body;
    expect(body).toMatch(/^nexus_email_deliveries\{status="sent"\} [1-9]\d*$/m);
    expect(body).toMatch(/^nexus_email_deliveries\{status="dead"\} \d+$/m);
    expect(body).toMatch(/^nexus_queue_oldest_waiting_seconds\{queue="email"\} 0$/m);
    expect(body).toMatch(/^nexus_queue_job_duration_seconds_count\{queue="email"\} [1-9]\d*$/m);
    expect(body).toContain('# TYPE nexus_queue_jobs_failed_total counter');
  });
});
