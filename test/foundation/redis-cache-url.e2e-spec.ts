import { CacheService, InstanceBroadcast } from '@nexus/core';
import IORedis from 'ioredis';
import { createArticle } from '../content/content-helpers';
import { registerUser } from '../support/auth';
import { fullModeAvailable } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

/** Every key of the test app's prefix in one Redis database. */
async function keysIn(url: string, prefix: string): Promise<string[]> {
  const redis = new IORedis(url);
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  } finally {
    redis.disconnect();
  }
}

// Full mode needs PostgreSQL and Redis; CI sets NEXUS_REQUIRE_FULL=true so this never skips there.
const describeFull = fullModeAvailable() ? describe : describe.skip;

describeFull(
  'REDIS_CACHE_URL: the cache on another Redis than queues, limits and broadcast',
  () => {
    // Read in beforeAll: a skipped describe still runs its body, without TEST_REDIS_URL.
    let mainUrl: string;
    let cacheUrl: string;
    let t: TestApp;

    beforeAll(async () => {
      mainUrl = process.env.TEST_REDIS_URL!;
      cacheUrl = Object.assign(new URL(mainUrl), { pathname: '/5' }).toString();
      t = await startTestApp('full', { env: { REDIS_CACHE_URL: cacheUrl } });
    });
    afterAll(async () => {
      const stale = await keysIn(cacheUrl, t.config.redisPrefix);
      await t?.close();
      if (stale.length) {
        const redis = new IORedis(cacheUrl);
        await redis.del(stale);
        redis.disconnect();
      }
    });

    it('puts cached values and generation tokens there, and queue, limit and broadcast keys not', async () => {
      const alice = await registerUser(t); // an email job, login limits
      const article = await createArticle(t, alice.accessToken, { title: 'Where keys go' }, true);
      for (let i = 0; i < 2; i++) {
        expect((await t.inject(`/api/v1/articles/${article.slug}`)).statusCode).toBe(200);
      }
      await t.app.get(CacheService).set('probe', 'k', { object: true });
      await t.app.get(InstanceBroadcast).liveInstances('content:gen-invalidate');

      const prefix = t.config.redisPrefix;
      const cacheKeys = await keysIn(cacheUrl, prefix);
      const mainKeys = await keysIn(mainUrl, prefix);
      // Strings (views, tokens) under `s:`, objects (records, cards) under their namespace.
      const isCache = (k: string) => /^[^:]+:(s|content|probe):/.test(k);
      expect(cacheKeys).toEqual(expect.arrayContaining([`${prefix}:probe:k`]));
      expect(cacheKeys.some((k) => k.startsWith(`${prefix}:s:content:gen:`))).toBe(true);
      expect(cacheKeys.some((k) => k.startsWith(`${prefix}:s:content:view:`))).toBe(true);
      expect(cacheKeys.filter((k) => !isCache(k))).toEqual([]);

      expect(mainKeys.filter(isCache)).toEqual([]);
      expect(mainKeys.some((k) => k.startsWith(`${prefix}:email:`))).toBe(true);
      expect(mainKeys.some((k) => k.startsWith(`${prefix}:broadcast:live:`))).toBe(true);
    });
  },
);
