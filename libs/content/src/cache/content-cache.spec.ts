import {
  AppConfig,
  CacheService,
  MemoryStringStore,
  RedisStringStore,
  StringStore,
} from '@nexus/core';
import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { ContentCache, Scope } from './content-cache';

const redisUrl = process.env.TEST_REDIS_URL;
const stores: [string, () => StringStore & { close?: () => void }][] = [
  ['tokens in process (embedded mode)', () => new MemoryStringStore()],
];
if (redisUrl) {
  stores.push([
    'tokens in Redis (full mode)',
    () => {
      const client = new IORedis(redisUrl);
      return Object.assign(new RedisStringStore(client), { close: () => client.disconnect() });
    },
  ]);
}

describe.each(stores)('ContentCache (versioned keys, %s)', (_, makeStore) => {
  const config = {
    cacheTtlSeconds: 60,
    redisPrefix: `t${randomBytes(4).toString('hex')}`,
  } as AppConfig;
  let cache: ContentCache;
  let store: ReturnType<typeof makeStore>;
  beforeEach(() => {
    store = makeStore();
    cache = new ContentCache(new CacheService(config, store), config);
  });
  afterEach(() => store.close?.());

  it('serves a stored value until a scope it depends on is bumped', async () => {
    let loads = 0;
    const load = async () => `v${++loads}`;
    const read = async () =>
      cache.wrap('ns', 'k', await cache.tokens(Scope.article('a'), Scope.list), load);
    expect(await read()).toBe('v1');
    expect(await read()).toBe('v1');
    await cache.bump(Scope.article('other'));
    expect(await read()).toBe('v1');
    await cache.bump(Scope.list);
    expect(await read()).toBe('v2');
  });

  it('cannot be poisoned by a reader that loaded the old row before the writer committed', async () => {
    let row = 'old';
    // Reader: tokens first, then the (slow) database read…
    const tokens = await cache.tokens(Scope.article('a'));
    const staleRead = row;
    // …meanwhile the writer commits and invalidates…
    row = 'new';
    await cache.bump(Scope.article('a'));
    // …and the reader stores what it read under the tokens it had.
    await cache.wrap('ns', 'k', tokens, async () => staleRead);
    // Every later reader sees the new row.
    const fresh = await cache.wrap(
      'ns',
      'k',
      await cache.tokens(Scope.article('a')),
      async () => row,
    );
    expect(fresh).toBe('new');
  });

  it('keeps a scope token stable between bumps and replaces it on bump', async () => {
    const first = await cache.tokens(Scope.list);
    expect(await cache.tokens(Scope.list)).toBe(first);
    await cache.bump(Scope.list);
    expect(await cache.tokens(Scope.list)).not.toBe(first);
  });
});
