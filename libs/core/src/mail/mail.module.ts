import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import { EmailProcessor } from './email.processor';
import { MailTemplates } from './mail-templates';
import { MailTransport } from './mail-transport';
import { EMAIL_QUEUE, MailService } from './mail.service';

@Global()
@Module({
  // As many sends in flight as the SMTP pool has connections (mail-transport.ts).
  imports: [QueueModule.forFeature({ name: EMAIL_QUEUE, concurrency: 10 })],
  providers: [EmailDeliveriesRepository, MailService, MailTemplates, MailTransport, EmailProcessor],
  exports: [EmailDeliveriesRepository, MailService, MailTemplates, MailTransport],
})
export class MailModule {}
