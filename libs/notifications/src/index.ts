/** @nexus/notifications: in-app notifications, live stream, email with preferences and digests. */
export { NotificationsModule, NotificationsWorkerModule } from './notifications.module';
export { notificationsMigrations } from './migrations';
