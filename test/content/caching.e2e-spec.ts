import { ADMIN_ENV, loginAs, loginAsAdmin, RegisteredUser, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { HttpCacheInterceptor } from '../../libs/content/src/cache/http-cache.interceptor';
import { auth, countContentQueries, createArticle, PROBLEM } from './content-helpers';

/**
 * The caching contract: cached reads skip the database, every write is visible at once (on a
 * second api instance too in full mode, where caches live in Redis), drafts never leak through a
 * cache, and the hit/miss figures are exposed.
 */
describe.each(testModes())('content caching (%s mode)', (mode) => {
  let t: TestApp;
  /** A second api instance on the same database and Redis (full mode); the same app otherwise. */
  let t2: TestApp;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    t2 = mode === 'full' ? await startTestApp('full', { shareWith: t, env: { ...ADMIN_ENV } }) : t;
    alice = await registerUser(t);
    bob = await registerUser(t);
  });
  afterAll(async () => {
    if (t2 && t2 !== t) await t2.close();
    await t?.close();
  });

  const get = (app: TestApp, url: string, token?: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...auth(token), ...headers } });

  it('answers a cached article and a cached listing without a database query', async () => {
    const a = await createArticle(
      t,
      alice.accessToken,
      { title: 'Zero query read', tags: ['cache'] },
      true,
    );
    const first = await get(t, `/api/v1/articles/${a.slug}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');

    let second!: Awaited<ReturnType<typeof get>>;
    const read = await countContentQueries(async () => {
      second = await get(t, `/api/v1/articles/${a.slug}`);
    });
    expect(second.statusCode).toBe(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);
    expect(read.sql).toEqual([]);

    // The counter does see queries when the cache is bypassed (it is not vacuous).
    const missed = await countContentQueries(() => get(t, `/api/v1/articles?tag=cache&limit=3`));
    expect(missed.count).toBeGreaterThan(0);
    // A listing page is admitted on its second request (the first only marks it as seen).
    expect((await get(t, `/api/v1/articles?tag=cache&limit=3`)).headers['x-cache']).toBe('MISS');
    let listing!: Awaited<ReturnType<typeof get>>;
    const cachedList = await countContentQueries(async () => {
      listing = await get(t, `/api/v1/articles?limit=3&tag=cache`); // same query, other parameter order
    });
    expect(listing.headers['x-cache']).toBe('HIT');
    expect(listing.json().items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect(cachedList.count).toBe(0);
  });

  it('answers anonymous hits at the edge, before Nest; a token always goes through the guard', async () => {
    const a = await createArticle(t, alice.accessToken, { title: 'Edge answered' }, true);
    const url = `/api/v1/articles/${a.slug}`;
    expect((await get(t, url)).headers['x-cache']).toBe('MISS');
    const intercept = jest.spyOn(HttpCacheInterceptor.prototype, 'intercept');
    try {
      const hit = await get(t, url);
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(intercept).not.toHaveBeenCalled();
      // Conditional GETs are answered there too.
      const notModified = await get(t, url, undefined, {
        'if-none-match': hit.headers.etag as string,
      });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.body).toBe('');
      expect(intercept).not.toHaveBeenCalled();

      // With a valid token: same public answer, through Nest (guard, then interceptor).
      const withToken = await get(t, url, bob.accessToken);
      expect(withToken.statusCode).toBe(200);
      expect(withToken.body).toBe(hit.body);
      expect(intercept).toHaveBeenCalledTimes(1);
      // With a bad token: the guard refuses it; the cached answer is not a way around it.
      const forged = await get(t, url, 'not-a-jwt');
      expect(forged.statusCode).toBe(401);
      expect(forged.headers['content-type']).toMatch(PROBLEM);
      expect(forged.body).not.toContain('Edge answered');
    } finally {
      intercept.mockRestore();
    }
  });

  it('read → update → read returns the new version at once, on every instance', async () => {
    const a = await createArticle(
      t,
      alice.accessToken,
      { title: 'Staleness check', tags: ['stale'] },
      true,
    );
    for (const app of [t, t2]) {
      await get(app, `/api/v1/articles/${a.slug}`);
      expect((await get(app, `/api/v1/articles/${a.slug}`)).headers['x-cache']).toBe('HIT');
      await get(app, '/api/v1/articles?tag=stale');
      await get(app, '/api/v1/articles?tag=stale');
      expect((await get(app, '/api/v1/articles?tag=stale')).headers['x-cache']).toBe('HIT');
    }
    const patch = await t.inject({
      method: 'PATCH',
      url: `/api/v1/articles/${a.id}`,
      headers: auth(alice.accessToken),
      payload: { title: 'Staleness check, second edition', tags: ['stale', 'edited'] },
    });
    expect(patch.statusCode).toBe(200);
    for (const app of [t, t2]) {
      const article = await get(app, `/api/v1/articles/${a.slug}`);
      expect(article.json()).toMatchObject({
        title: 'Staleness check, second edition',
        tags: ['edited', 'stale'],
      });
      const list = await get(app, '/api/v1/articles?tag=stale');
      expect(list.json().items[0]).toMatchObject({
        id: a.id,
        title: 'Staleness check, second edition',
      });
      expect(
        (await get(app, '/api/v1/articles?tag=edited'))
          .json()
          .items.map((i: { id: string }) => i.id),
      ).toEqual([a.id]);
    }
  });

  it('never lets a draft through a cache, and drops an unpublished article everywhere at once', async () => {
    const draft = await createArticle(t, alice.accessToken, {
      title: 'Secret draft',
      tags: ['secret'],
    });
    // Looked up anonymously first: "not found" is cached too and must not outlive the publication.
    expect((await get(t2, `/api/v1/articles/${draft.slug}`)).statusCode).toBe(404);
    const own = await get(t, `/api/v1/articles/${draft.slug}`, alice.accessToken);
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    for (const app of [t, t2]) {
      for (const token of [undefined, bob.accessToken]) {
        const res = await get(app, `/api/v1/articles/${draft.slug}`, token);
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body).not.toContain('Secret draft');
      }
      for (const url of [
        '/api/v1/articles',
        '/api/v1/articles?tag=secret',
        '/api/v1/articles?q=secret',
        '/api/v1/tags',
        '/api/v1/trending',
      ]) {
        expect((await get(app, url, alice.accessToken)).body).not.toContain('Secret draft');
        expect((await get(app, url)).body).not.toContain('secret');
      }
    }

    await t.inject({
      method: 'POST',
      url: `/api/v1/articles/${draft.id}/publish`,
      headers: auth(alice.accessToken),
    });
    for (const app of [t, t2]) {
      expect((await get(app, `/api/v1/articles/${draft.slug}`)).statusCode).toBe(200);
      expect((await get(app, `/api/v1/articles/${draft.slug}`)).headers['x-cache']).toBe('HIT');
      expect((await get(app, '/api/v1/articles?tag=secret')).json().items).toHaveLength(1);
      expect((await get(app, '/api/v1/tags')).json()).toContainEqual({
        name: 'secret',
        articleCount: 1,
      });
    }

    const unpublish = await t2.inject({
      method: 'POST',
      url: `/api/v1/articles/${draft.id}/unpublish`,
      headers: auth(alice.accessToken),
    });
    expect(unpublish.json().status).toBe('archived');
    for (const app of [t, t2]) {
      expect((await get(app, `/api/v1/articles/${draft.slug}`)).statusCode).toBe(404);
      expect((await get(app, `/api/v1/articles/${draft.slug}`, bob.accessToken)).statusCode).toBe(
        404,
      );
      expect((await get(app, '/api/v1/articles?tag=secret')).json().items).toEqual([]);
      expect((await get(app, '/api/v1/articles?q=secret')).json().items).toEqual([]);
      expect((await get(app, '/api/v1/tags')).body).not.toContain('"secret"');
    }
  });

  it('keeps counts exact in cached views when likes and comments change', async () => {
    const a = await createArticle(
      t,
      alice.accessToken,
      { title: 'Counted', tags: ['counted'] },
      true,
    );
    await get(t2, `/api/v1/articles/${a.slug}`);
    await get(t2, '/api/v1/articles?tag=counted');
    await t.inject({
      method: 'PUT',
      url: `/api/v1/articles/${a.id}/reactions/like`,
      headers: auth(bob.accessToken),
    });
    await t.inject({
      method: 'POST',
      url: `/api/v1/articles/${a.id}/comments`,
      headers: auth(bob.accessToken),
      payload: { body: 'Nice' },
    });
    expect((await get(t2, `/api/v1/articles/${a.slug}`)).json()).toMatchObject({
      likesCount: 1,
      commentsCount: 1,
    });
    expect((await get(t2, '/api/v1/articles?tag=counted')).json().items[0]).toMatchObject({
      likesCount: 1,
      commentsCount: 1,
    });
  });

  it('refreshes author cards in cached views when the author changes their profile', async () => {
    const a = await createArticle(
      t,
      alice.accessToken,
      { title: 'Card check', tags: ['cards'] },
      true,
    );
    expect((await get(t2, `/api/v1/articles/${a.slug}`)).json().author.displayName).toBe(
      alice.displayName,
    );
    await get(t2, '/api/v1/articles?tag=cards');
    const patch = await t.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: auth(alice.accessToken),
      payload: { displayName: 'Alice Renamed' },
    });
    expect(patch.statusCode).toBe(200);
    expect((await get(t2, `/api/v1/articles/${a.slug}`)).json().author.displayName).toBe(
      'Alice Renamed',
    );
    expect((await get(t2, '/api/v1/articles?tag=cards')).json().items[0].author.displayName).toBe(
      'Alice Renamed',
    );
  });

  it('forgets a deleted article on every instance', async () => {
    const a = await createArticle(
      t,
      alice.accessToken,
      { title: 'Short lived', tags: ['ephemeral'] },
      true,
    );
    for (const app of [t, t2]) await get(app, `/api/v1/articles/${a.slug}`);
    const del = await t.inject({
      method: 'DELETE',
      url: `/api/v1/articles/${a.id}`,
      headers: auth(alice.accessToken),
    });
    expect(del.statusCode).toBe(204);
    for (const app of [t, t2]) {
      expect((await get(app, `/api/v1/articles/${a.slug}`)).statusCode).toBe(404);
      expect((await get(app, '/api/v1/articles?tag=ephemeral')).json().items).toEqual([]);
    }
  });

  it('drops everything an account owned from every cache when the account is deleted', async () => {
    const dave = await registerUser(t);
    const his = await createArticle(
      t,
      dave.accessToken,
      { title: 'Dave writes', tags: ['dave'] },
      true,
    );
    const hers = await createArticle(t, alice.accessToken, { title: 'Alice liked by Dave' }, true);
    await t.inject({
      method: 'PUT',
      url: `/api/v1/articles/${hers.id}/reactions/like`,
      headers: auth(dave.accessToken),
    });
    for (const app of [t, t2]) {
      await get(app, `/api/v1/articles/${his.slug}`);
      expect((await get(app, `/api/v1/articles/${hers.slug}`)).json().likesCount).toBe(1);
      expect((await get(app, '/api/v1/articles?tag=dave')).json().items).toHaveLength(1);
    }
    const del = await t.inject({
      method: 'DELETE',
      url: '/api/v1/users/me',
      headers: auth(dave.accessToken),
      payload: { password: dave.password },
    });
    expect(del.statusCode).toBe(204);
    for (const app of [t, t2]) {
      expect((await get(app, `/api/v1/articles/${his.slug}`)).statusCode).toBe(404);
      expect((await get(app, '/api/v1/articles?tag=dave')).json().items).toEqual([]);
      expect((await get(app, `/api/v1/articles/${hers.slug}`)).json().likesCount).toBe(0);
    }
  });

  it('answers If-None-Match with 304 and changes the ETag with the content', async () => {
    const a = await createArticle(t, alice.accessToken, { title: 'Conditional' }, true);
    const first = await get(t, `/api/v1/articles/${a.slug}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const head = await t.inject({ method: 'HEAD', url: `/api/v1/articles/${a.slug}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    for (const app of [t, t2]) {
      const again = await get(app, `/api/v1/articles/${a.slug}`, undefined, {
        'if-none-match': etag,
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
    }
    expect(
      (await get(t, `/api/v1/articles/${a.slug}`, undefined, { 'if-none-match': `"x", W/${etag}` }))
        .statusCode,
    ).toBe(304);
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/articles/${a.id}`,
      headers: auth(alice.accessToken),
      payload: { body: 'New body.' },
    });
    const changed = await get(t2, `/api/v1/articles/${a.slug}`, undefined, {
      'if-none-match': etag,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    // Listings and uncached routes (the feed) carry ETags too.
    const list = await get(t, '/api/v1/articles');
    expect(
      (
        await get(t, '/api/v1/articles', undefined, {
          'if-none-match': list.headers.etag as string,
        })
      ).statusCode,
    ).toBe(304);
    const feed = await get(t, '/api/v1/feed', bob.accessToken);
    expect(feed.headers['cache-control']).toBe('private, no-store');
    const feed304 = await get(t, '/api/v1/feed', bob.accessToken, {
      'if-none-match': feed.headers.etag as string,
    });
    expect(feed304.statusCode).toBe(304);
  });

  it('reports hits, misses and hit ratio per namespace to admins (and Redis keyspace figures in full mode)', async () => {
    const admin = await loginAsAdmin(t);
    const res = await get(t, '/api/v1/admin/cache/metrics', admin.accessToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const view = body.namespaces['content:view'];
    expect(view.hits).toBeGreaterThan(0);
    expect(view.misses).toBeGreaterThan(0);
    expect(view.hitRatio).toBeCloseTo(view.hits / (view.hits + view.misses), 10);
    expect(body.namespaces['content:article'].hits).toBeGreaterThan(0);
    if (mode === 'full') {
      expect(body.redis).toEqual({
        keyspaceHits: expect.any(Number),
        keyspaceMisses: expect.any(Number),
        hitRatio: expect.any(Number),
      });
      expect(body.redis.keyspaceHits).toBeGreaterThan(0);
    } else {
      expect(body.redis).toBeNull();
    }
    const metrics = await t.inject('/metrics');
    expect(metrics.body).toMatch(/nexus_cache_hit_ratio\{namespace="content:view"\} 0\.\d+/);

    expect((await get(t, '/api/v1/admin/cache/metrics', bob.accessToken)).statusCode).toBe(403);
    expect((await get(t, '/api/v1/admin/cache/metrics')).statusCode).toBe(401);
    const fresh = await loginAs(t, alice.email, alice.password);
    expect(
      (await get(t, '/api/v1/admin/cache/metrics', fresh.accessToken)).headers['content-type'],
    ).toMatch(PROBLEM);
  });
});
