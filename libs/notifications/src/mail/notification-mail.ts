import { Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MailService, MailTemplates } from '@nexus/core';
import { Inject } from '@nestjs/common';
import type { UserContact } from '@nexus/users';
import { NotificationType, TYPE_POLICIES } from '../notification.types';
import { UnsubscribeLinks } from './unsubscribe-links';

export const NOTIFICATION_TEMPLATE = 'notification';
export const DIGEST_TEMPLATE = 'notification-digest';

/** Subject and lines of one notification, as both the email and the digest show it. */
export function describe(
  type: NotificationType,
  data: Record<string, unknown>,
): { subject: string; line: string } {
  const s = (k: string) => String(data[k] ?? '');
  switch (type) {
    case 'follower.new':
      return {
        subject: `${s('actorName')} follows you`,
        line: `${s('actorName')} started following you.`,
      };
    case 'comment.on_article':
      return {
        subject: `New comment on "${s('articleTitle')}"`,
        line: `${s('actorName')} commented on your article "${s('articleTitle')}".`,
      };
    case 'comment.reply':
      return {
        subject: `${s('actorName')} replied to your comment`,
        line: `${s('actorName')} replied to your comment on "${s('articleTitle')}".`,
      };
    case 'reaction.milestone':
      return {
        subject: `"${s('articleTitle')}" reached ${s('milestone')} ${data.milestone === 1 ? 'like' : 'likes'}`,
        line: `Your article "${s('articleTitle')}" reached ${s('milestone')} ${data.milestone === 1 ? 'like' : 'likes'}.`,
      };
    case 'article.published':
      return {
        subject: `${s('actorName')} published "${s('articleTitle')}"`,
        line: `${s('actorName')}, whom you follow, published "${s('articleTitle')}".`,
      };
    case 'security.new_country':
      return {
        subject: 'New sign-in from another country',
        line: `Your account was signed in to from ${s('country')} (address ${s('ip')}). If this was not you, change your password.`,
      };
    case 'security.password_changed':
      return {
        subject: 'Your password was changed',
        line: 'The password of your account was changed and your other sessions were signed out. If this was not you, reset your password.',
      };
    case 'security.sessions_revoked':
      return {
        subject: 'Your sessions were signed out',
        line: `A sign-in token of your account was used twice (address ${s('ip')}), so the session was signed out. Sign in again; if this keeps happening, change your password.`,
      };
    case 'admin.ip_blocked':
      return {
        subject: `Address blocked: ${s('cidr')}`,
        line: `${s('cidr')} was blocked (${s('source')}): ${s('reason')}.`,
      };
    case 'admin.ip_flagged':
      return {
        subject: `Suspicious address: ${s('ip')}`,
        line: `${s('ip')} was flagged by rule ${s('rule')} (score ${s('score')}): ${s('reason')}.`,
      };
  }
}

/** The notification emails: HTML + text Handlebars templates (core's engine), one row each. */
@Injectable()
export class NotificationMail implements OnModuleInit {
  constructor(
    private readonly templates: MailTemplates,
    private readonly mail: MailService,
    private readonly links: UnsubscribeLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.templates.register(NOTIFICATION_TEMPLATE, {
      subject: '{{subject}}',
      html:
        '<p>Hello {{name}},</p><p>{{line}}</p>' +
        '{{#if link}}<p><a href="{{link}}">Open Nexus</a></p>{{/if}}' +
        '{{#if unsubscribeUrl}}<p style="font-size:12px"><a href="{{unsubscribeUrl}}">Unsubscribe from these emails</a></p>{{/if}}',
      text:
        'Hello {{name}},\n\n{{line}}\n{{#if link}}\n{{link}}\n{{/if}}' +
        '{{#if unsubscribeUrl}}\nUnsubscribe from these emails: {{unsubscribeUrl}}\n{{/if}}',
    });
    this.templates.register(DIGEST_TEMPLATE, {
      subject: 'Your {{period}} Nexus digest: {{count}} unread',
      html:
        '<p>Hello {{name}},</p><p>{{count}} unread notifications since your last digest:</p>' +
        '<ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>' +
        '<p style="font-size:12px"><a href="{{unsubscribeUrl}}">Unsubscribe from digests</a></p>',
      text:
        'Hello {{name}},\n\n{{count}} unread notifications since your last digest:\n' +
        '{{#each items}}- {{this}}\n{{/each}}\nUnsubscribe from digests: {{unsubscribeUrl}}\n',
    });
  }

  /** One email per (recipient, key): a repeated event is the same delivery, never a second. */
  async notify(
    to: UserContact,
    type: NotificationType,
    data: Record<string, unknown>,
    idempotencyKey: string,
  ): Promise<void> {
    const { subject, line } = describe(type, data);
    const essential = TYPE_POLICIES[type].locked.includes('email');
    const unsubscribeUrl = essential ? '' : this.links.url(to.id, type);
    await this.mail.send({
      to: to.email,
      template: NOTIFICATION_TEMPLATE,
      context: {
        subject,
        name: to.displayName,
        line,
        link: typeof data.path === 'string' ? `${this.config.publicUrl}${data.path}` : '',
        unsubscribeUrl,
      },
      idempotencyKey,
      headers: essential ? undefined : oneClickHeaders(unsubscribeUrl),
    });
  }

  async digest(
    to: UserContact,
    period: 'daily' | 'weekly',
    lines: string[],
    idempotencyKey: string,
  ): Promise<void> {
    const unsubscribeUrl = this.links.url(to.id, 'digest');
    await this.mail.send({
      to: to.email,
      template: DIGEST_TEMPLATE,
      context: { name: to.displayName, period, count: lines.length, items: lines, unsubscribeUrl },
      idempotencyKey,
      headers: oneClickHeaders(unsubscribeUrl),
    });
  }
}

/** RFC 8058: a POST to the link with `List-Unsubscribe=One-Click` unsubscribes, no login. */
export function oneClickHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
