import type { MigrationInterface } from 'typeorm';
import { SecurityRequestLog1764600000000 } from './1764600000000-security-request-log';
import { SecurityIpBlocks1764610000000 } from './1764610000000-security-ip-blocks';

/** The schema of @nexus/security-analytics, in order (after core, users and content). */
export const securityAnalyticsMigrations: (new () => MigrationInterface)[] = [
  SecurityRequestLog1764600000000,
  SecurityIpBlocks1764610000000,
];
