import type { MigrationInterface } from 'typeorm';

/** The schema of @nexus/security-analytics, in order (after core, users and content). */
export const securityAnalyticsMigrations: (new () => MigrationInterface)[] = [];
