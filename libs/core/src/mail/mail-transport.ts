import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable Message-ID, so a receiver can drop a duplicate after a worker crash. */
  messageId: string;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
}

/**
 * Sends mail: SMTP with a pooled nodemailer transport when SMTP_URL is set, otherwise `.eml`
 * files in DATA_DIR/outbox (read them with any mail client; tests parse them).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly smtp?: Transporter;
  private readonly files?: Transporter;
  readonly outboxDir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.outboxDir = join(config.dataDir, 'outbox');
    if (config.smtpUrl) {
      const url = new URL(config.smtpUrl);
      this.smtp = createTransport({
        pool: true,
        maxConnections: 10,
        // Reconnecting every 100 messages (nodemailer's default) costs a handshake per 100 emails.
        maxMessages: 1000,
        host: url.hostname,
        port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
        secure: url.protocol === 'smtps:',
        auth: url.username
          ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
          : undefined,
        // Local relays (Mailpit, test servers) speak plain SMTP; STARTTLS is used when offered.
        ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
        tls: { rejectUnauthorized: url.searchParams.get('tlsRejectUnauthorized') !== 'false' },
        connectionTimeout: 10_000,
        socketTimeout: 20_000,
      });
    } else {
      this.files = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  get kind(): 'smtp' | 'outbox' {
    return this.smtp ? 'smtp' : 'outbox';
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (this.smtp) {
      await this.smtp.sendMail(mail);
      return;
    }
    const info = (await this.files!.sendMail(mail)) as { message: Buffer };
    await mkdir(this.outboxDir, { recursive: true });
    const id = mail.messageId.replace(/[<>]/g, '').replace(/[^\w.-]/g, '_');
    await writeFile(join(this.outboxDir, `${Date.now()}-${id}.eml`), info.message);
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
