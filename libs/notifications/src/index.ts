/** @nexus/notifications: in-app notifications, live stream, email with preferences and digests. */
export { NotificationsModule, NotificationsWorkerModule } from './notifications.module';
export { notificationsMigrations } from './migrations';
export { NOTIFICATION_TYPES, CHANNELS, DIGEST_FREQUENCIES } from './notification.types';
export type {
  NotificationType,
  Channel,
  DigestFrequency,
  NotificationView,
} from './notification.types';
/** For tests and tools: the services behind the API, the fan-out and the digests. */
export { NotificationsService } from './notifications/notifications.service';
export { NotificationStreams } from './stream/notification-streams';
export { FanoutService, NOTIFICATIONS_QUEUE, FANOUT_BATCH } from './fanout/fanout.service';
export { DigestService, DIGEST_SCHEDULES, periodStartOf } from './digests/digest.service';
export type { DigestJob, DigestPeriod } from './digests/digest.service';
export { UnsubscribeLinks } from './mail/unsubscribe-links';
export { NotificationTriggers, MILESTONES, milestoneOf } from './triggers/notification-triggers';
