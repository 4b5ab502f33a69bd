import { EmailDeliveriesRepository, MailService, MailTemplates, QueueRegistry } from '@nexus/core';
import type { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { startBuiltApp, StartedProcess } from '../support/built-apps';
import { fullModeAvailable } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp, workerEnvOf } from '../support/test-app';

/**
 * SIGTERM of the built worker while it sends an email: the job either finishes (within
 * SHUTDOWN_TIMEOUT_MS) or is released to the next worker, and the email is accepted by the SMTP
 * server exactly once. The send is held in flight by an SMTP server that receives the message
 * and answers only when the test lets it; a message whose connection closed before that answer
 * was never accepted (SMTP: no 250, no delivery).
 */

// The built worker comes from test/infra/global-setup.ts.
const describeFull = fullModeAvailable() ? describe : describe.skip;

interface HeldMessage {
  messageId: string;
  session: string;
}

/** An SMTP server whose answer to each message waits until `release()`. */
async function holdingSmtp() {
  const held: { message: HeldMessage; answer: () => void }[] = [];
  const closed = new Set<string>();
  const accepted: string[] = [];
  let holding = true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        const message = {
          messageId: /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          session: session.id,
        };
        const answer = () => {
          // Accepted only when the 250 can still reach the client.
          if (closed.has(session.id)) return callback(new Error('connection gone'));
          accepted.push(message.messageId);
          callback();
        };
        if (holding) held.push({ message, answer });
        else answer();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    held,
    closed,
    accepted,
    release() {
      holding = false;
      for (const h of held.splice(0)) h.answer();
    },
    hold() {
      holding = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeFull('worker drain at SIGTERM (built worker, full mode)', () => {
  let api: TestApp;
  let smtp: Awaited<ReturnType<typeof holdingSmtp>>;
  const workers: StartedProcess[] = [];

  beforeAll(async () => {
    smtp = await holdingSmtp();
    // The api only enqueues (RUN_WORKERS=false): the worker processes send.
    api = await startTestApp('full', { env: { RUN_WORKERS: 'false', SMTP_URL: smtp.url } });
    api.app
      .get(MailTemplates)
      .register('drain', { subject: 'Drain {{n}}', html: '<p>{{n}}</p>', text: '{{n}}' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await api?.close();
    await smtp?.close();
  });

  /** Starts a built worker, resolving once it has started (and logged so). */
  async function startWorker(env: Record<string, string> = {}) {
    const worker = await startBuiltApp('worker', {
      env: {
        NODE_ENV: 'test',
        ...workerEnvOf(api),
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'info',
        // Loading the GeoIP data is most of a worker's start-up; nothing here locates addresses.
        GEOIP_ENABLED: 'false',
        ...env,
      },
      // Start-up is slow on a loaded machine; the deadline only turns a hang into a failure.
      ready: { output: 'Nexus worker started' },
      timeoutMs: 120_000,
    });
    workers.push(worker);
    return worker;
  }

  const emailQueue = () =>
    (api.app.get(QueueRegistry).raw('email') as unknown as { queue: Queue }).queue;

  async function send(n: number) {
    const d = await api.app
      .get(MailService)
      .send({ to: `drain-${n}@example.com`, template: 'drain', context: { n } });
    return { id: d.id, messageId: `<${d.id}@nexus>` };
  }

  it('lets a job in progress at SIGTERM finish, then exits 0', async () => {
    smtp.hold();
    const worker = await startWorker({ SHUTDOWN_TIMEOUT_MS: '60000' });
    const email = await send(1);
    // In flight: the message has reached the SMTP server, which has not answered.
    await waitUntil(() => smtp.held.some((h) => h.message.messageId === email.messageId), {
      timeoutMs: 30_000,
      what: `email held at the SMTP server\n${worker.output()}`,
    });

    worker.child.kill('SIGTERM');
    await worker.waitForOutput('stopping queue workers', { what: 'the worker took the signal' });
    expect(worker.child.exitCode).toBeNull();

    smtp.release();
    expect(await worker.closed).toEqual([0, null]);
    expect(worker.output()).toContain('queue workers stopped');
    expect(worker.output()).not.toContain('released at shutdown');
    expect(smtp.accepted.filter((m) => m === email.messageId)).toHaveLength(1);
    const row = await api.app.get(EmailDeliveriesRepository).findById(email.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  }, 300_000);

  it('releases a job that cannot finish within SHUTDOWN_TIMEOUT_MS; the next worker sends it once', async () => {
    smtp.hold();
    const first = await startWorker({ SHUTDOWN_TIMEOUT_MS: '500' });
    const email = await send(2);
    const inFlight = await waitUntil(
      () => smtp.held.find((h) => h.message.messageId === email.messageId),
      { timeoutMs: 30_000, what: `email held at the SMTP server\n${first.output()}` },
    );

    first.child.kill('SIGTERM');
    expect(await first.closed).toEqual([0, null]);
    expect(first.output()).toContain(`released at shutdown`);
    // The first worker's SMTP connection is gone: its message was never accepted.
    await waitUntil(() => smtp.closed.has(inFlight.message.session), {
      what: 'the first SMTP session closed',
    });
    smtp.release();
    expect(smtp.accepted).not.toContain(email.messageId);
    // Released, not failed: waiting for the next worker, no attempt spent.
    const queue = emailQueue();
    expect(await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')).toMatchObject({
      waiting: 1,
      active: 0,
      delayed: 0,
      failed: 0,
    });
    const rows = api.app.get(EmailDeliveriesRepository);
    expect((await rows.findById(email.id))!.status).toBe('failed');

    const second = await startWorker();
    await waitUntil(async () => (await rows.findById(email.id))!.status === 'sent', {
      timeoutMs: 30_000,
      what: `sent by the second worker\n${second.output()}`,
    });
    expect(smtp.accepted.filter((m) => m === email.messageId)).toHaveLength(1);
    // The row is marked sent a moment before BullMQ records the job as completed.
    const job = await waitUntil(
      async () =>
        (await queue.getJobs(['completed'])).find(
          (j) => (j.data as { payload: { deliveryId: string } }).payload.deliveryId === email.id,
        ),
      { what: 'job completed' },
    );
    expect(job.attemptsMade).toBe(1);
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });

    second.child.kill('SIGTERM');
    expect(await second.closed).toEqual([0, null]);
  }, 300_000);
});
