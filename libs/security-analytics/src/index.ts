/** @nexus/security-analytics: request log with geolocation, IP/CIDR blacklist, rate limits, geo analytics, anomaly detection, the admin dashboard. */
export {
  SecurityAnalyticsModule,
  SecurityAnalyticsWorkerModule,
} from './security-analytics.module';
export { SecurityAnalyticsCliModule } from './security-analytics.module';
export { securityAnalyticsMigrations } from './migrations';
export * from './security-analytics.events';
export { markRequestOutcome } from './request-log/request-log.types';
export type { RequestOutcome } from './request-log/request-log.types';
export { RequestLogWriter } from './request-log/request-log.writer';
export { AnomalyService } from './anomaly/anomaly.service';
export type { AnomalyRule } from './anomaly/anomaly.service';
export { GeoEnricher } from './geo/geo-enricher';
export { GeoLookup } from './geo/geo-lookup';
export type { GeoInfo } from './geo/geo-lookup';
export { GeoLookupModule } from './geo/geo-lookup.module';
export { RetentionService } from './request-log/retention.service';
export { BlocksService } from './blocks/blocks.service';
export type { IpBlock } from './blocks/ip-blocks.repository';
export { Blacklist } from './blocks/blacklist';
export { AutoBlockPolicy, AUTO_BLOCK_CLOCK } from './blocks/auto-block.policy';
export { GlobalRateLimit } from './rate-limit/global-rate-limit';
export { OPERATOR_FILE, OPERATOR_HEADER } from './cli/operator-access';
export type { OperatorFile } from './cli/operator-access';
export { cliActor } from './cli/cli-blocks.controller';
