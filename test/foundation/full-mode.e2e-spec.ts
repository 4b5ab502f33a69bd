import { EmailDeliveriesRepository, MailService, MailTemplates, QueueRegistry } from '@nexus/core';
import type { Queue } from 'bullmq';
import { startBuiltApp, StartedProcess } from '../support/built-apps';
import { fullModeAvailable } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp, workerEnvOf } from '../support/test-app';

// Full mode needs PostgreSQL and Redis; CI sets NEXUS_REQUIRE_FULL=true so this never skips there.
const describeFull = fullModeAvailable() ? describe : describe.skip;

describeFull('full mode: a separate worker process consumes the queues', () => {
  let api: TestApp;
  let worker: StartedProcess | undefined;

  beforeAll(async () => {
    // The api does not consume jobs (RUN_WORKERS=false), so only the worker process can send.
    api = await startTestApp('full', { env: { RUN_WORKERS: 'false' } });
    api.app
      .get(MailTemplates)
      .register('ping', { subject: 'Ping {{n}}', html: '<p>{{n}}</p>', text: '{{n}}' });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await api?.close();
  });

  it('sends an email enqueued by the api, and shuts down gracefully on SIGTERM', async () => {
    const d = await api.app
      .get(MailService)
      .send({ to: 'worker@example.com', template: 'ping', context: { n: 7 } });
    const deliveries = api.app.get(EmailDeliveriesRepository);
    const email = (api.app.get(QueueRegistry).raw('email') as unknown as { queue: Queue }).queue;
    // Nobody consumes the queue yet: the job waits for the worker process.
    expect(await email.getWorkersCount()).toBe(0);
    expect(await email.getJobCounts('waiting', 'active')).toMatchObject({ waiting: 1, active: 0 });
    expect((await deliveries.findById(d.id))!.status).toBe('queued');

    worker = await startBuiltApp('worker', {
      env: {
        NODE_ENV: 'test',
        ...workerEnvOf(api),
        LOG_LEVEL: 'info',
      },
    });

    const m = await api.mailbox.waitFor((x) => x.to.includes('worker@example.com'), 30_000);
    expect(m.subject).toBe('Ping 7');
    // The SMTP sink sees the message a moment before the worker records it as sent.
    const sent = await waitUntil(async () => (await deliveries.findById(d.id))!.status === 'sent', {
      what: 'delivery recorded as sent',
    });
    expect(sent).toBe(true);
    // The worker logs carry the id of the request (or job) that caused the work; the line is
    // written after the row is marked sent, so wait for it too.
    await worker.waitForOutput(`email ${d.id} sent via smtp`, {
      what: 'the worker logging the send',
    });

    // Resolves on 'close' (not 'exit'): the worker's last log lines are still in the pipe when it
    // exits. Nest re-raises the signal after its shutdown hooks have run.
    const [code, signal] = await worker.stop('SIGTERM');
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(worker.output()).toContain('queue workers stopped');
  }, 60_000);
});

describeFull('full mode: readiness follows the dependencies', () => {
  let t: TestApp;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;

  beforeAll(async () => {
    pgProxy = await startTcpProxy(Number(new URL(process.env.TEST_DATABASE_URL!).port || 5432));
    redisProxy = await startTcpProxy(Number(new URL(process.env.TEST_REDIS_URL!).port || 6379));
    t = await startTestApp('full', {
      rewriteDatabaseUrl: (url) => {
        url.host = `127.0.0.1:${pgProxy.port}`;
        return url;
      },
      env: { REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`, SHUTDOWN_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await pgProxy?.close();
    await redisProxy?.close();
  });

  it('is ready while PostgreSQL and Redis answer', async () => {
    const res = await t.inject('/health/ready');
    expect(res.statusCode).toBe(200);
  });

  it('turns 503 when PostgreSQL is unreachable, while liveness stays 200, and recovers', async () => {
    pgProxy.cut();
    const res = await t.inject('/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.database.status).toBe('down');
    expect((await t.inject('/health/live')).statusCode).toBe(200);
    pgProxy.restore();
    const ready = await waitUntil(
      async () => (await t.inject('/health/ready')).statusCode === 200,
      {
        what: 'ready again',
      },
    );
    expect(ready).toBe(true);
  });

  it('turns 503 when Redis is unreachable', async () => {
    redisProxy.cut();
    const res = await t.inject('/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.redis.status).toBe('down');
    redisProxy.restore();
  });
});
