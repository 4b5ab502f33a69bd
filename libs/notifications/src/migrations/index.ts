import type { MigrationInterface } from 'typeorm';

/** The schema of @nexus/notifications, in order (after core, users and content). */
export const notificationsMigrations: (new () => MigrationInterface)[] = [];
