import { Module } from '@nestjs/common';
import { ContentModule } from '@nexus/content';
import { QueueModule } from '@nexus/core';
import { GeoLookupModule } from '@nexus/security-analytics';
import { UserDirectoryModule } from '@nexus/users';
import { NotificationsController } from './api/notifications.controller';
import { OneClickBodyParser } from './api/one-click-body';
import { DigestService } from './digests/digest.service';
import { DigestsRepository } from './digests/digests.repository';
import { FanoutService, NOTIFICATIONS_QUEUE } from './fanout/fanout.service';
import { FanoutsRepository } from './fanout/fanouts.repository';
import { NotificationsResolver } from './graphql/notifications.resolver';
import { NotificationsProcessor } from './fanout/notifications.processor';
import { NotificationMail } from './mail/notification-mail';
import { UnsubscribeLinks } from './mail/unsubscribe-links';
import { NotificationMetrics } from './notification-metrics';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';
import { PreferencesRepository } from './preferences/preferences.repository';
import { PreferencesService } from './preferences/preferences.service';
import { NotificationStreams } from './stream/notification-streams';
import { LoginCountriesRepository } from './triggers/login-countries.repository';
import { LoginCountryNotices } from './triggers/login-country-notices';
import { NotificationTriggers } from './triggers/notification-triggers';

/**
 * The worker part of @nexus/notifications: storing and mailing notifications, the fan-out,
 * digest and sign-in location jobs (processors bound where RUN_WORKERS is on), never a controller. The api imports it
 * too: embedded mode runs the processors in the api, and the api's triggers store through it.
 */
@Module({
  imports: [
    UserDirectoryModule,
    GeoLookupModule,
    QueueModule.forFeature({
      name: NOTIFICATIONS_QUEUE,
      attempts: 5,
      backoffMs: 1000,
      concurrency: 2,
    }),
  ],
  providers: [
    NotificationsRepository,
    PreferencesRepository,
    DigestsRepository,
    FanoutsRepository,
    NotificationMetrics,
    UnsubscribeLinks,
    NotificationMail,
    PreferencesService,
    NotificationsService,
    FanoutService,
    DigestService,
    LoginCountriesRepository,
    LoginCountryNotices,
    NotificationsProcessor,
  ],
  exports: [
    UserDirectoryModule,
    NotificationMetrics,
    UnsubscribeLinks,
    PreferencesService,
    NotificationsService,
    FanoutService,
    DigestService,
    LoginCountryNotices,
  ],
})
export class NotificationsWorkerModule {}

/**
 * The api part of @nexus/notifications: the REST API and the live stream, and the triggers
 * (listeners of users', content's and security-analytics' events, which run where events are
 * delivered).
 */
@Module({
  imports: [NotificationsWorkerModule, ContentModule],
  controllers: [NotificationsController],
  providers: [NotificationStreams, NotificationsResolver, NotificationTriggers, OneClickBodyParser],
  exports: [NotificationsWorkerModule, NotificationStreams],
})
export class NotificationsModule {}
