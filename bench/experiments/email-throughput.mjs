#!/usr/bin/env node
// Email throughput of core's MailTransport (the pooled nodemailer SMTP transport the worker sends
// with) into a local `smtp-server` sink on 127.0.0.1: N messages, C sends in flight, emails/s and
// the sender's CPU per email. The sink runs in a child process (`--same-process`: in this one, as
// before), so that its CPU is not taken from the sender's thread. Uses the built code
// (`npm run build` first). Usage:
//   node bench/experiments/email-throughput.mjs [count=2000] [inFlight=20] [--same-process]
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const { MailTransport } = require(join(ROOT, 'dist/apps/api/libs/core/src/mail/mail-transport.js'));

const [count = 2000, inFlight = 20] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);
const sameProcess = process.argv.includes('--same-process');

/** The SMTP sink: accepts every message, counts them. */
function startSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: server.server.address().port, received: () => received, server }),
    ),
  );
}

if (process.argv.includes('--sink-child')) {
  const sink = await startSink();
  process.send({ port: sink.port });
  process.on('message', () => {
    process.send({ received: sink.received() });
    sink.server.close();
    process.disconnect();
  });
} else {
  await sendAll();
}

async function sendAll() {
  let port;
  let received;
  let stop;
  if (sameProcess) {
    const sink = await startSink();
    port = sink.port;
    received = async () => sink.received();
    stop = () => sink.server.close();
  } else {
    const child = fork(fileURLToPath(import.meta.url), ['--sink-child']);
    port = (await new Promise((resolve) => child.once('message', resolve))).port;
    received = () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m.received));
        child.send('count');
      });
    stop = () => undefined;
  }
  const transport = new MailTransport({
    smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    dataDir: mkdtempSync(join(tmpdir(), 'nexus-mail-bench-')),
  });

  const body = 'Hello,\n\n' + 'This is a notification email of ordinary size. '.repeat(20);
  let next = 0;
  const send = async () => {
    while (next < count) {
      const i = next++;
      await transport.send({
        from: 'Nexus <no-reply@nexus.local>',
        to: `reader${i}@example.com`,
        subject: `Notification ${i}`,
        html: `<p>${body}</p>`,
        text: body,
        messageId: `<bench-${i}@nexus>`,
      });
    }
  };
  // Warm the pool's connections first.
  await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      transport.send({
        from: 'Nexus <no-reply@nexus.local>',
        to: 'warm@example.com',
        subject: 'warm',
        html: 'w',
        text: 'w',
        messageId: `<warm-${i}@nexus>`,
      }),
    ),
  );
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: inFlight }, send));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  transport.onApplicationShutdown();
  const sunk = (await received()) - 5;
  stop();
  process.stdout.write(
    `${count} emails, ${inFlight} in flight, pooled SMTP, sink ${sameProcess ? 'in this process' : 'in a child process'}: ` +
      `${(count / seconds).toFixed(0)} emails/s (${seconds.toFixed(2)} s; sender CPU ` +
      `${((cpu.user + cpu.system) / count).toFixed(0)} µs/email; sink received ${sunk}), ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
  );
}
