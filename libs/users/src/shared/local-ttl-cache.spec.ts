import { LocalTtlCache } from './local-ttl-cache';

describe('LocalTtlCache', () => {
  afterEach(() => jest.useRealTimers());

  it('expires entries after the TTL', () => {
    jest.useFakeTimers();
    const cache = new LocalTtlCache<number>(1000, 10);
    cache.set('a', 1);
    jest.advanceTimersByTime(999);
    expect(cache.get('a')).toBe(1);
    jest.advanceTimersByTime(2);
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new LocalTtlCache<number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('does not store a load that an eviction overtook', async () => {
    const cache = new LocalTtlCache<string>(60_000, 10);
    let release!: (v: string) => void;
    const pending = cache.getOrLoad('k', () => new Promise<string>((r) => (release = r)));
    cache.delete('k'); // e.g. the session was revoked while its state was being read
    release('stale');
    expect(await pending).toBe('stale');
    expect(cache.get('k')).toBeUndefined();
    expect(await cache.getOrLoad('k', async () => 'fresh')).toBe('fresh');
    expect(cache.get('k')).toBe('fresh');
  });

  it('deletes by value predicate', () => {
    const cache = new LocalTtlCache<{ userId: string }>(60_000, 10);
    cache.set('s1', { userId: 'u1' });
    cache.set('s2', { userId: 'u2' });
    cache.set('s3', { userId: 'u1' });
    cache.deleteWhere((v) => v.userId === 'u1');
    expect([cache.has('s1'), cache.has('s2'), cache.has('s3')]).toEqual([false, true, false]);
  });
});
