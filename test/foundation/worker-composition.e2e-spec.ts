import { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig, MailService, MailTemplates } from '@nexus/core';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Mailbox, outboxMailbox } from '../support/mailbox';
import { testModes } from '../support/modes';
import { startTestApp, TestApp, workerEnvOf } from '../support/test-app';

const PING = { subject: 'Ping {{n}}', html: '<p>{{n}}</p>', text: '{{n}}' };

/** Every controller class registered anywhere in an application's module graph. */
function controllersOf(app: INestApplicationContext): string[] {
  return [...app.get(ModulesContainer).values()].flatMap((m) =>
    [...m.controllers.values()].map((c) => c.name),
  );
}

describe.each(testModes())('worker composition (%s mode)', (mode) => {
  let worker: INestApplicationContext | undefined;
  let api: TestApp | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('has no controllers, and its email processor delivers', async () => {
    let config: AppConfig;
    let mailbox: Mailbox;
    let sender: () => INestApplicationContext;
    if (mode === 'embedded') {
      // PGlite is one process's database: the worker gets its own, and enqueues itself.
      dataDir = mkdtempSync(join(tmpdir(), 'nexus-worker-'));
      const template = process.env.NEXUS_PGLITE_TEMPLATE;
      if (template) cpSync(template, join(dataDir, 'pglite'), { recursive: true });
      config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        JWT_SECRET: 'worker-test-secret-0123456789-abcdefghijklmnop',
        MAIL_BACKOFF_MS: '20',
      });
      mailbox = outboxMailbox(dataDir);
      sender = () => worker!;
    } else {
      // The api enqueues without consuming; only the worker can deliver.
      api = await startTestApp('full', { env: { RUN_WORKERS: 'false' } });
      config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        ...workerEnvOf(api),
        MAIL_BACKOFF_MS: '20',
      });
      mailbox = api.mailbox;
      sender = () => api!.app;
      // The api does have controllers: the assertion below can tell the two graphs apart.
      expect(controllersOf(api.app)).toEqual(expect.arrayContaining(['AuthController']));
    }
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ ...config, runWorkers: true }),
      { logger: false },
    );
    await worker.init();

    expect(controllersOf(worker)).toEqual([]);

    sender().get(MailTemplates).register('worker-ping', PING);
    await sender()
      .get(MailService)
      .send({ to: 'worker@example.com', template: 'worker-ping', context: { n: 5 } });
    const mail = await mailbox.waitFor((m) => m.to.includes('worker@example.com'), 30_000);
    expect(mail.subject).toBe('Ping 5');
  }, 120_000);
});
