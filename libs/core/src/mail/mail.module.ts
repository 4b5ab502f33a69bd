import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../queue/queue.module';
import { EmailDelivery } from './email-delivery.entity';
import { EmailProcessor } from './email.processor';
import { MailTemplates } from './mail-templates';
import { MailTransport } from './mail-transport';
import { EMAIL_QUEUE, MailService } from './mail.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([EmailDelivery]),
    QueueModule.forFeature({ name: EMAIL_QUEUE, concurrency: 5 }),
  ],
  providers: [MailService, MailTemplates, MailTransport, EmailProcessor],
  exports: [MailService, MailTemplates, MailTransport],
})
export class MailModule {}
