import { Module } from '@nestjs/common';

/** The api part of @nexus/notifications: controllers and the services they use. */
@Module({})
export class NotificationsModule {}

/** The worker part of @nexus/notifications: queue processors and scheduled work, never a controller. */
@Module({})
export class NotificationsWorkerModule {}
