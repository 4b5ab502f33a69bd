import { createKeyv } from '@cacheable/memory';
import { AppConfig, CacheService } from '@nexus/core';
import { createCache } from 'cache-manager';
import { ContentCache, Scope } from './content-cache';

describe.each([
  ['tokens in the cache store (full mode)', 'redis://unused'],
  ['tokens in process (embedded mode)', undefined],
])('ContentCache (versioned keys, %s)', (_, redisUrl) => {
  const config = { cacheTtlSeconds: 60, redisPrefix: 'test', redisUrl } as AppConfig;
  let cache: ContentCache;
  beforeEach(() => {
    const manager = createCache({ stores: [createKeyv({ lruSize: 1000 })] });
    cache = new ContentCache(new CacheService(manager, config), config);
  });

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
});
