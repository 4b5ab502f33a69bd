import type { MigrationInterface } from 'typeorm';
import { SecurityRequestLog1764600000000 } from './1764600000000-security-request-log';
import { SecurityIpBlocks1764610000000 } from './1764610000000-security-ip-blocks';
import { SecurityLogWriterAndLoginIdentifiers1765000000000 } from './1765000000000-security-log-writer-and-login-identifiers';
import { SecurityRollupsFillfactor1765100000000 } from './1765100000000-security-rollups-fillfactor';

/** The schema of @nexus/security-analytics, in order (after core, users and content). */
export const securityAnalyticsMigrations: (new () => MigrationInterface)[] = [
  SecurityRequestLog1764600000000,
  SecurityIpBlocks1764610000000,
  SecurityLogWriterAndLoginIdentifiers1765000000000,
  SecurityRollupsFillfactor1765100000000,
];
