#!/usr/bin/env node
// Email throughput of core's MailTransport (the pooled nodemailer SMTP transport the worker sends
// with) into a local `smtp-server` sink on 127.0.0.1: N messages, C sends in flight, emails/s.
// Uses the built code (`npm run build` first). Usage:
//   node bench/experiments/email-throughput.mjs [count=2000] [inFlight=20]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const { MailTransport } = require(join(ROOT, 'dist/apps/api/libs/core/src/mail/mail-transport.js'));

const count = Number(process.argv[2] ?? 2000);
const inFlight = Number(process.argv[3] ?? 20);

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
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.server.address().port;
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
await Promise.all(Array.from({ length: inFlight }, send));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
transport.onApplicationShutdown();
server.close();
process.stdout.write(
  `${count} emails, ${inFlight} in flight, pooled SMTP: ` +
    `${(count / seconds).toFixed(0)} emails/s (${seconds.toFixed(2)} s; sink received ${received - 5})\n`,
);
