import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

export interface MailTemplateSource {
  subject: string;
  /** HTML body (Handlebars; values are HTML-escaped). */
  html: string;
  /** Plain-text body (Handlebars). */
  text: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

type Compiled = { [K in keyof MailTemplateSource]: HandlebarsTemplateDelegate };

const LAYOUT = Handlebars.compile(
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;padding:24px">` +
    `{{{content}}}<hr><p style="color:#888;font-size:12px">Nexus</p></body></html>`,
);

/** Templates registered by feature modules (at module init) and rendered by MailService. */
@Injectable()
export class MailTemplates {
  private readonly templates = new Map<string, Compiled>();
  private readonly hbs = Handlebars.create();

  constructor() {
    this.register('plain', { subject: '{{subject}}', html: '<p>{{body}}</p>', text: '{{body}}' });
  }

  register(name: string, source: MailTemplateSource): void {
    this.templates.set(name, {
      subject: this.hbs.compile(source.subject, { strict: true, noEscape: true }),
      html: this.hbs.compile(source.html, { strict: true }),
      text: this.hbs.compile(source.text, { strict: true, noEscape: true }),
    });
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  render(name: string, context: Record<string, unknown>): RenderedMail {
    const t = this.templates.get(name);
    if (!t) throw new Error(`Unknown mail template "${name}"`);
    return {
      subject: t
        .subject(context)
        .replace(/[\r\n]+/g, ' ')
        .trim(),
      html: LAYOUT({ content: t.html(context) }),
      text: t.text(context),
    };
  }
}
