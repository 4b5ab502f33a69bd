import {
  EmailDeliveriesRepository,
  EmailProcessor,
  MailService,
  MailTemplates,
  MailTransport,
  QueueRegistry,
} from '@nexus/core';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixturesModule } from '../support/fixtures';
import { testModes } from '../support/modes';
import { deferred, settled, waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

describe.each(testModes())('MailService (%s mode)', (mode) => {
  let t: TestApp;
  let mail: MailService;
  const deliveries = () => t.app.get(EmailDeliveriesRepository);
  const delivery = async (id: string) => (await deliveries().findById(id))!;
  /** The job the email queue runs for a delivery, as the processor receives it. */
  const sendJob = (id: string) => ({
    id,
    name: 'send',
    data: { payload: { deliveryId: id } },
    attemptsMade: 0,
    opts: {},
  });
  /** The delivery row once the worker has recorded `status` on it. */
  const deliveryIn = (id: string, status: string) =>
    waitUntil(
      async () => {
        const r = await delivery(id);
        return r.status === status ? r : undefined;
      },
      { what: `delivery ${id} ${status}` },
    );
  /** Resolves once the email queue has nothing waiting, running or scheduled for a retry. */
  const queueSettled = () =>
    waitUntil(
      async () => {
        const c = await t.app.get(QueueRegistry).raw('email')!.counts();
        return c.waiting + c.active + c.delayed === 0;
      },
      { what: 'email queue settled' },
    );
  /** Records a queued delivery without enqueueing it: only the test runs its job. */
  const sendWithQueueDown = async (to: string) => {
    const queue = t.app.get(QueueRegistry).raw('email')!;
    const add = queue.add;
    queue.add = async () => {
      throw new Error('queue down');
    };
    try {
      return await mail.send({ to, template: 'welcome', context: { name: 'Q', code: '0' } });
    } finally {
      queue.add = add;
    }
  };

  beforeAll(async () => {
    t = await startTestApp(mode, {
      imports: [FixturesModule],
      env: { MAIL_MAX_ATTEMPTS: '3', MAIL_BACKOFF_MS: '20' },
    });
    mail = t.app.get(MailService);
    t.app.get(MailTemplates).register('welcome', {
      subject: 'Welcome, {{name}}!',
      html: '<p>Hello <b>{{name}}</b>, your code is {{code}}.</p>',
      text: 'Hello {{name}}, your code is {{code}}.',
    });
  });
  afterAll(() => t?.close());

  it('delivers a rendered email (HTML + text) and records it as sent', async () => {
    const d = await mail.send({
      to: 'ada@example.com',
      template: 'welcome',
      context: { name: 'Ada <script>', code: 'A1' },
    });
    expect(d.status).toBe('queued');
    const m = await t.mailbox.waitFor((x) => x.to.includes('ada@example.com'));
    expect(m.subject).toBe('Welcome, Ada <script>!');
    expect(m.text).toContain('Hello Ada <script>, your code is A1.');
    expect(m.html).toContain('Ada &lt;script&gt;');
    expect(m.messageId).toBe(`<${d.id}@nexus>`);
    const row = await deliveryIn(d.id, 'sent');
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    if (mode === 'full') expect(t.mailbox).toBe(t.smtp);
  });

  it('sends once for a repeated idempotency key', async () => {
    const a = await mail.send({
      to: 'once@example.com',
      template: 'welcome',
      context: { name: 'O', code: '1' },
      idempotencyKey: 'welcome:once',
    });
    const b = await mail.send({
      to: 'once@example.com',
      template: 'welcome',
      context: { name: 'O', code: '1' },
      idempotencyKey: 'welcome:once',
    });
    expect(b.id).toBe(a.id);
    await deliveryIn(a.id, 'sent');
    await queueSettled();
    const received = (await t.mailbox.messages()).filter((m) => m.to.includes('once@example.com'));
    expect(received).toHaveLength(1);
    expect((await deliveries().findByIdempotencyKey('welcome:once'))?.id).toBe(a.id);
  });

  it('never sends twice when the same job runs twice at once', async () => {
    const d = await sendWithQueueDown('race@example.com');
    const job = sendJob(d.id);
    const processor = t.app.get(EmailProcessor, { strict: false });
    const transport = t.app.get(MailTransport);
    const send = transport.send;
    const sending = deferred();
    const release = deferred();
    let sends = 0;
    // The first run is held inside its send until the second run has finished.
    transport.send = async (m) => {
      if (++sends === 1) {
        sending.resolve();
        await release.promise;
      }
      return send.call(transport, m);
    };
    try {
      const first = processor.process(job);
      const firstDone = settled(first);
      await sending.promise;
      await processor.process(job);
      // The second run ended while the first was mid-send: the two overlapped.
      expect(firstDone()).toBe(false);
      release.resolve();
      await first;
    } finally {
      transport.send = send;
    }
    expect(sends).toBe(1);
    expect((await delivery(d.id)).status).toBe('sent');
    const received = (await t.mailbox.messages()).filter((m) => m.to.includes('race@example.com'));
    expect(received).toHaveLength(1);
    expect((await delivery(d.id)).attempts).toBe(1);
  });

  it('never sends twice when the same job runs again (retry or duplicate)', async () => {
    const d = await mail.send({
      to: 'dup@example.com',
      template: 'welcome',
      context: { name: 'D', code: '2' },
    });
    await deliveryIn(d.id, 'sent');
    const processor = t.app.get(EmailProcessor, { strict: false });
    const job = sendJob(d.id);
    await Promise.all([processor.process(job), processor.process(job)]);
    await mail.relay();
    await queueSettled();
    const received = (await t.mailbox.messages()).filter((m) => m.to.includes('dup@example.com'));
    expect(received).toHaveLength(1);
    expect((await delivery(d.id)).attempts).toBe(1);
  });

  it('retries a failing delivery with backoff, then marks it dead', async () => {
    const outbox = join(t.config.dataDir, 'outbox');
    if (mode === 'full') t.smtp!.failNext(Infinity);
    else {
      // The outbox cannot be written: a file stands where the folder should be.
      rmSync(outbox, { recursive: true, force: true });
      writeFileSync(outbox, 'not a folder');
    }
    try {
      const d = await mail.send({
        to: 'dead@example.com',
        template: 'welcome',
        context: { name: 'X', code: '3' },
      });
      const row = await deliveryIn(d.id, 'dead');
      expect(row.attempts).toBe(3);
      expect(row.lastError).toBeTruthy();
      expect(row.sentAt).toBeNull();
      // A dead delivery is not picked up again by the relay.
      await mail.relay();
      await queueSettled();
      expect((await delivery(d.id)).attempts).toBe(3);
    } finally {
      if (mode === 'full') t.smtp!.failNext(0);
      else rmSync(outbox, { force: true });
    }
  });

  it('recovers from transient failures without losing the email', async () => {
    if (mode === 'full') t.smtp!.failNext(1);
    const d = await mail.send({
      to: 'flaky@example.com',
      template: 'welcome',
      context: { name: 'F', code: '4' },
    });
    const row = await deliveryIn(d.id, 'sent');
    expect(row.attempts).toBe(mode === 'full' ? 2 : 1);
    await t.mailbox.waitFor((m) => m.to.includes('flaky@example.com'));
  });

  it('keeps a delivery queued when the queue is unavailable, and the relay sends it later', async () => {
    const registry = t.app.get(QueueRegistry);
    const queue = registry.raw('email')!;
    const add = queue.add;
    queue.add = async () => {
      throw new Error('queue down');
    };
    let id: string;
    try {
      const d = await mail.send({
        to: 'later@example.com',
        template: 'welcome',
        context: { name: 'L', code: '5' },
      });
      id = d.id;
      await queueSettled();
      expect((await delivery(id)).status).toBe('queued');
    } finally {
      queue.add = add;
    }
    expect(await mail.relay()).toBeGreaterThanOrEqual(1);
    await deliveryIn(id, 'sent');
    await t.mailbox.waitFor((m) => m.to.includes('later@example.com'));
  });

  it('records the id of the request that caused the email, and the job carries it', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/test-fixtures/mail',
      headers: { 'x-request-id': 'req-mail-1' },
    });
    expect(res.statusCode).toBe(201);
    const row = await deliveryIn(res.json().id, 'sent');
    expect(row.requestId).toBe('req-mail-1');
  });

  it('rejects an unknown template before recording anything', async () => {
    const before = await deliveries().count();
    await expect(mail.send({ to: 'x@example.com', template: 'nope', context: {} })).rejects.toThrow(
      /Unknown mail template/,
    );
    await expect(
      mail.send({ to: 'x@example.com', template: 'welcome', context: {} }),
    ).rejects.toThrow();
    expect(await deliveries().count()).toBe(before);
  });
});
