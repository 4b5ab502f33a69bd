import { createKeyv as createMemoryKeyv } from '@cacheable/memory';
import KeyvRedis from '@keyv/redis';
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
          config.redisUrl
            ? new KeyvRedis(config.redisUrl, { throwOnConnectError: false, throwOnErrors: false })
            : createMemoryKeyv({ lruSize: MEMORY_ENTRIES }),
        ],
      }),
    }),
  ],
  providers: [CacheService],
  exports: [CacheService],
})
export class CoreCacheModule {}
