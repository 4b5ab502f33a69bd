import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, MailService, MailTemplates } from '@nexus/core';

export const USERS_MAIL = {
  verifyEmail: 'users.verify-email',
  passwordReset: 'users.password-reset',
  alreadyRegistered: 'users.already-registered',
  passwordChanged: 'users.password-changed',
} as const;

/**
 * The account emails. Links point at the web client (`PUBLIC_URL`); the token is also printed on
 * its own line for API clients, which POST it to `/api/v1/auth/verify-email` or `/password/reset`.
 */
@Injectable()
export class UsersMailer implements OnModuleInit {
  private readonly base: string;

  constructor(
    private readonly mail: MailService,
    private readonly templates: MailTemplates,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.base = config.publicUrl.replace(/\/$/, '');
  }

  onModuleInit(): void {
    this.templates.register(USERS_MAIL.verifyEmail, {
      subject: 'Confirm your email address',
      html:
        '<p>Hi {{displayName}},</p><p>Confirm your email address to start publishing on Nexus:</p>' +
        '<p><a href="{{link}}">Confirm my email</a></p><p>Or use this code: <code>{{token}}</code></p>' +
        '<p>The link expires in 24 hours. If you did not sign up, ignore this email.</p>',
      text:
        'Hi {{displayName}},\n\nConfirm your email address to start publishing on Nexus:\n{{link}}\n\n' +
        'Verification token: {{token}}\n\nThe link expires in 24 hours. If you did not sign up, ignore this email.\n',
    });
    this.templates.register(USERS_MAIL.passwordReset, {
      subject: 'Reset your Nexus password',
      html:
        '<p>Hi {{displayName}},</p><p>Someone (hopefully you) asked to reset your password.</p>' +
        '<p><a href="{{link}}">Choose a new password</a></p><p>Or use this code: <code>{{token}}</code></p>' +
        '<p>The link expires in 1 hour and works once. If you did not ask, ignore this email.</p>',
      text:
        'Hi {{displayName}},\n\nSomeone (hopefully you) asked to reset your password:\n{{link}}\n\n' +
        'Reset token: {{token}}\n\nThe link expires in 1 hour and works once. If you did not ask, ignore this email.\n',
    });
    this.templates.register(USERS_MAIL.alreadyRegistered, {
      subject: 'Someone tried to sign up with your email',
      html:
        '<p>Hi {{displayName}},</p><p>Someone tried to create a Nexus account with this address, which ' +
        'already has one. If it was you, <a href="{{link}}">reset your password</a> instead.</p>',
      text:
        'Hi {{displayName}},\n\nSomeone tried to create a Nexus account with this address, which already has one.\n' +
        'If it was you, reset your password instead: {{link}}\n',
    });
    this.templates.register(USERS_MAIL.passwordChanged, {
      subject: 'Your Nexus password was changed',
      html:
        '<p>Hi {{displayName}},</p><p>Your password was just changed and your other sessions were signed out.</p>' +
        '<p>If this was not you, reset your password now: <a href="{{link}}">{{link}}</a></p>',
      text:
        'Hi {{displayName}},\n\nYour password was just changed and your other sessions were signed out.\n' +
        'If this was not you, reset your password now: {{link}}\n',
    });
  }

  verifyEmail(to: string, displayName: string, token: string, tokenId: string): Promise<void> {
    return this.tokenMail(USERS_MAIL.verifyEmail, 'verify-email', to, displayName, token, tokenId);
  }

  passwordReset(to: string, displayName: string, token: string, tokenId: string): Promise<void> {
    return this.tokenMail(
      USERS_MAIL.passwordReset,
      'reset-password',
      to,
      displayName,
      token,
      tokenId,
    );
  }

  /** An email carrying a one-time token, as a link to the web client's `page` and as a code. */
  private async tokenMail(
    template: string,
    page: string,
    to: string,
    displayName: string,
    token: string,
    tokenId: string,
  ): Promise<void> {
    await this.mail.send({
      to,
      template,
      context: { displayName, token, link: `${this.base}/${page}?token=${token}` },
      idempotencyKey: `${template}:${tokenId}`,
    });
  }

  async alreadyRegistered(to: string, displayName: string): Promise<void> {
    await this.mail.send({
      to,
      template: USERS_MAIL.alreadyRegistered,
      context: { displayName, link: `${this.base}/forgot-password` },
    });
  }

  async passwordChanged(to: string, displayName: string): Promise<void> {
    await this.mail.send({
      to,
      template: USERS_MAIL.passwordChanged,
      context: { displayName, link: `${this.base}/forgot-password` },
    });
  }
}
