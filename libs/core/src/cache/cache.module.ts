import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { CacheService } from './cache.service';
import { JsonObjectStore, MemoryObjectStore, OBJECT_STORE } from './object-store';
import { MemoryStringStore, RedisStringStore, STRING_STORE, StringStore } from './string-store';

/** Command bound of the cache connection: past it a read is a miss (an outage never hangs a request). */
export const CACHE_COMMAND_TIMEOUT_MS = 500;

/**
 * The cache Redis (`REDIS_CACHE_URL`, default `REDIS_URL`) through one ioredis connection of its
 * own, or in-process LRUs in embedded mode.
 */
@Global()
@Module({
  providers: [
    {
      provide: STRING_STORE,
      inject: [APP_CONFIG, RedisService],
      useFactory: (config: AppConfig, redis: RedisService): StringStore => {
        if (!config.redisUrl) return new MemoryStringStore();
        return new RedisStringStore(
          redis.duplicateCache({
            enableOfflineQueue: false,
            maxRetriesPerRequest: 0,
            commandTimeout: CACHE_COMMAND_TIMEOUT_MS,
            connectTimeout: 2000,
            connectionName: 'nexus-cache',
          }),
          (e) => redis.countTimeout(e),
        );
      },
    },
    {
      provide: OBJECT_STORE,
      inject: [APP_CONFIG, STRING_STORE],
      useFactory: (config: AppConfig, strings: StringStore) =>
        config.redisUrl ? new JsonObjectStore(strings) : new MemoryObjectStore(),
    },
    CacheService,
  ],
  exports: [CacheService],
})
export class CoreCacheModule {}
