import { simpleParser } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Where a test app's email ends up: `.eml` files (embedded) or a real local SMTP server (full). */
export interface Mailbox {
  messages(): Promise<ReceivedMail[]>;
  /** Waits until a message matching `match` arrives. */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

async function parse(raw: Buffer | string): Promise<ReceivedMail> {
  const m = await simpleParser(raw);
  const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(', ') : (m.to?.text ?? '');
  return {
    to,
    subject: m.subject ?? '',
    text: m.text ?? '',
    html: m.html || '',
    messageId: m.messageId ?? '',
  };
}

function waiter(list: () => Promise<ReceivedMail[]>) {
  return async (match: (m: ReceivedMail) => boolean, timeoutMs = 10_000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = (await list()).find(match);
      if (found) return found;
      if (Date.now() > end) throw new Error('No matching email arrived in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

export function outboxMailbox(dataDir: string): Mailbox {
  const dir = join(dataDir, 'outbox');
  const messages = async () => {
    const files = await readdir(dir).catch(() => [] as string[]);
    return Promise.all(files.sort().map(async (f) => parse(await readFile(join(dir, f)))));
  };
  return { messages, waitFor: waiter(messages), close: async () => undefined };
}

export interface SmtpSink extends Mailbox {
  port: number;
  url: string;
  /** Make the next `n` deliveries fail with a 4xx/5xx reply (`Infinity` = all). */
  failNext(n: number): void;
  attempts: number;
}

/** A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const sink = {} as SmtpSink;
  sink.attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      sink.attempts++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const err = new Error('Mailbox unavailable (test)') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        parse(Buffer.concat(chunks))
          .then((m) => received.push(m))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const messages = async () => [...received];
  return Object.assign(sink, {
    port,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    failNext: (n: number) => {
      failures = n;
    },
    messages,
    waitFor: waiter(messages),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
