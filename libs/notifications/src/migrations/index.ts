import type { MigrationInterface } from 'typeorm';
import { Notifications1764700000000 } from './1764700000000-notifications';

/** The schema of @nexus/notifications, in order (after core, users and content). */
export const notificationsMigrations: (new () => MigrationInterface)[] = [
  Notifications1764700000000,
];
