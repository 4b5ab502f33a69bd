import { createKeyv as createMemoryKeyv } from '@cacheable/memory';
import { createKeyv as createRedisKeyv } from '@keyv/redis';
import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CacheService } from './cache.service';

const MEMORY_ENTRIES = 50_000;

/** cache-manager 7 + Keyv: Redis when REDIS_URL is set, a bounded in-memory LRU otherwise. */
@Global()
@Module({
  imports: [
    NestCacheModule.registerAsync({
      isGlobal: true,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ttl: config.cacheTtlSeconds * 1000,
        stores: [
          config.redisUrl ? redisStore(config.redisUrl) : createMemoryKeyv({ lruSize: MEMORY_ENTRIES, useClone: false }),
        ],
      }),
    }),
  ],
  providers: [CacheService],
  exports: [CacheService],
})
export class CoreCacheModule {}

/** A Redis-backed Keyv whose errors become cache misses: a Redis outage must not fail reads. */
export function redisStore(url: string) {
  // Without an offline queue a command fails at once while Redis is down (a miss), instead of
  // waiting for the reconnection; reconnection itself keeps its default backoff.
  const keyv = createRedisKeyv(
    { url, disableOfflineQueue: true, socket: { connectTimeout: 2000 } },
    { throwOnConnectError: false, throwOnErrors: false, connectionTimeout: 500 },
  );
  keyv.throwOnErrors = false;
  return keyv;
}
