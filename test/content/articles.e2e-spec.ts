import {
  ADMIN_ENV,
  loginAs,
  makeRole,
  RegisteredUser,
  registerUser,
  uniqueIdentity,
} from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, createArticle, PROBLEM } from './content-helpers';

const UUID = '00000000-0000-4000-8000-000000000000';

describe.each(testModes())('articles, comments, reactions, feed (%s mode)', (mode) => {
  let t: TestApp;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let moderator: { accessToken: string; id: string };
  let unverifiedToken: string;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    [alice, bob] = [await registerUser(t), await registerUser(t)];
    const mod = await registerUser(t);
    await makeRole(t, mod.id, 'moderator');
    moderator = {
      id: mod.id,
      accessToken: (await loginAs(t, mod.email, mod.password)).accessToken,
    };
    const who = uniqueIdentity('unv');
    const password = 'unverified-Passphrase-77';
    const reg = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...who, password, displayName: 'Not Verified' },
    });
    expect(reg.statusCode).toBe(202);
    unverifiedToken = (await loginAs(t, who.email, password)).accessToken;
  });
  afterAll(() => t?.close());

  const send = (
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET',
    url: string,
    token?: string,
    payload?: object,
  ) => t.inject({ method, url, headers: auth(token), ...(payload ? { payload } : {}) });

  describe('writing', () => {
    it('creates a draft with a slug, normalised tags, excerpt and reading time', async () => {
      const body = `# Heading\n\n${'word '.repeat(500)}`;
      const res = await send('POST', '/api/v1/articles', alice.accessToken, {
        title: '  Héllo, Wörld: Caching!  ',
        body,
        tags: ['Node JS', 'node-js', ' TypeScript ', 'C++'],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        title: 'Héllo, Wörld: Caching!',
        slug: 'hello-world-caching',
        status: 'draft',
        tags: ['c', 'node-js', 'typescript'],
        readingTimeMinutes: 3,
        likesCount: 0,
        commentsCount: 0,
        publishedAt: null,
        coverUrl: null,
        author: {
          id: alice.id,
          username: alice.username,
          displayName: alice.displayName,
          avatarUrl: null,
        },
      });
      expect(res.json().excerpt).toMatch(/^Heading word word/);
      expect(res.json().excerpt.length).toBeLessThanOrEqual(280);
      const again = await send('POST', '/api/v1/articles', bob.accessToken, {
        title: 'Hello World Caching',
        body: 'x',
      });
      expect(again.json().slug).toMatch(/^hello-world-caching-[0-9a-f]{8}$/);
    });

    it.each([
      ['no title', { body: 'x' }, 'title'],
      ['an empty title', { title: '   ', body: 'x' }, 'title'],
      ['a 201-character title', { title: 'x'.repeat(201), body: 'x' }, 'title'],
      [
        'a non-http cover URL',
        { title: 't', body: 'x', coverUrl: 'javascript:alert(1)' },
        'coverUrl',
      ],
      [
        '11 tags',
        { title: 't', body: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
        'tags',
      ],
      ['a tag without letters', { title: 't', body: 'x', tags: ['---'] }, 'tags'],
      ['a NUL byte in the body', { title: 't', body: 'a\u0000b' }, 'body'],
      ['an unknown field', { title: 't', body: 'x', authorId: UUID }, 'authorId'],
    ])('rejects %s with 400 and field errors', async (_, payload, field) => {
      const res = await send('POST', '/api/v1/articles', alice.accessToken, payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('requires authentication to write', async () => {
      const res = await send('POST', '/api/v1/articles', undefined, { title: 't', body: 'x' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(
        (await send('POST', '/api/v1/articles', 'not-a-token', { title: 't', body: 'x' }))
          .statusCode,
      ).toBe(401);
    });

    it('updates any subset of fields and rejects empty or invalid updates', async () => {
      const a = await createArticle(t, alice.accessToken, {
        title: 'Partial',
        body: 'One two three.',
        coverUrl: 'https://x.test/c.png',
      });
      const res = await send('PATCH', `/api/v1/articles/${a.id}`, alice.accessToken, {
        body: 'Four five six.',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        title: 'Partial',
        body: 'Four five six.',
        excerpt: 'Four five six.',
        slug: a.slug,
      });
      const cleared = await send('PATCH', `/api/v1/articles/${a.id}`, alice.accessToken, {
        coverUrl: null,
        tags: [],
      });
      expect(cleared.json()).toMatchObject({ coverUrl: null, tags: [] });
      for (const payload of [{}, { title: null }, { body: '' }, { tags: null }, { slug: 'mine' }]) {
        const bad = await send('PATCH', `/api/v1/articles/${a.id}`, alice.accessToken, payload);
        expect(bad.statusCode).toBe(400);
        expect(bad.headers['content-type']).toMatch(PROBLEM);
      }
      expect(
        (await send('PATCH', '/api/v1/articles/not-a-uuid', alice.accessToken, { title: 'x' }))
          .statusCode,
      ).toBe(400);
      expect(
        (await send('PATCH', `/api/v1/articles/${UUID}`, alice.accessToken, { title: 'x' }))
          .statusCode,
      ).toBe(404);
    });

    it('lets only verified users publish; publishing and unpublishing are idempotent', async () => {
      const own = await createArticle(t, unverifiedToken, { title: 'Unverified draft' });
      const denied = await send('POST', `/api/v1/articles/${own.id}/publish`, unverifiedToken);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().type).toBe('https://nexus.dev/problems/email-not-verified');

      const a = await createArticle(t, alice.accessToken, { title: 'Publish twice' });
      const first = await send('POST', `/api/v1/articles/${a.id}/publish`, alice.accessToken);
      const second = await send('POST', `/api/v1/articles/${a.id}/publish`, alice.accessToken);
      expect(first.json().status).toBe('published');
      expect(second.json().publishedAt).toBe(first.json().publishedAt);
      expect(
        (await send('POST', `/api/v1/articles/${a.id}/unpublish`, alice.accessToken)).json().status,
      ).toBe('archived');
      expect(
        (await send('POST', `/api/v1/articles/${a.id}/unpublish`, alice.accessToken)).json().status,
      ).toBe('archived');
      // Re-publication keeps the original date: listings stay in publication order.
      expect(
        (await send('POST', `/api/v1/articles/${a.id}/publish`, alice.accessToken)).json()
          .publishedAt,
      ).toBe(first.json().publishedAt);
    });
  });

  describe('ownership (BOLA)', () => {
    let published: { id: string; slug: string };
    let draft: { id: string; slug: string };
    beforeAll(async () => {
      published = await createArticle(t, alice.accessToken, { title: 'Owned and published' }, true);
      draft = await createArticle(t, alice.accessToken, { title: 'Owned draft' });
    });

    it.each([
      ['PATCH', '', { title: 'Hijacked' }],
      ['DELETE', '', undefined],
      ['POST', '/publish', undefined],
      ['POST', '/unpublish', undefined],
    ] as const)("answers 403 to another user's %s%s", async (method, suffix, payload) => {
      const res = await send(
        method,
        `/api/v1/articles/${published.id}${suffix}`,
        bob.accessToken,
        payload,
      );
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json().type).toBe('https://nexus.dev/problems/not-article-owner');
      expect((await send('GET', `/api/v1/articles/${published.slug}`)).json().title).toBe(
        'Owned and published',
      );
    });

    it("does not reveal another user's draft: 404 on read and write", async () => {
      for (const [method, suffix] of [
        ['GET', ''],
        ['PATCH', ''],
        ['DELETE', ''],
        ['POST', '/publish'],
      ] as const) {
        const url =
          method === 'GET'
            ? `/api/v1/articles/${draft.slug}`
            : `/api/v1/articles/${draft.id}${suffix}`;
        const res = await send(
          method,
          url,
          bob.accessToken,
          method === 'PATCH' ? { title: 'x' } : undefined,
        );
        expect(res.statusCode).toBe(404);
      }
      for (const [method, suffix] of [
        ['GET', '/comments'],
        ['POST', '/comments'],
        ['PUT', '/reactions/like'],
      ] as const) {
        const res = await send(
          method,
          `/api/v1/articles/${draft.id}${suffix}`,
          bob.accessToken,
          method === 'POST' ? { body: 'hi' } : undefined,
        );
        expect(res.statusCode).toBe(404);
      }
    });

    it('lets moderators read drafts and change any article', async () => {
      expect(
        (await send('GET', `/api/v1/articles/${draft.slug}`, moderator.accessToken)).statusCode,
      ).toBe(200);
      const res = await send('PATCH', `/api/v1/articles/${published.id}`, moderator.accessToken, {
        excerpt: 'Moderated.',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ excerpt: 'Moderated.', author: { id: alice.id } });
    });
  });

  describe('comments', () => {
    it('threads one level of replies, keeps counts and enforces who may delete', async () => {
      const a = await createArticle(t, alice.accessToken, { title: 'Discuss' }, true);
      const other = await createArticle(t, alice.accessToken, { title: 'Elsewhere' }, true);
      const c1 = await send('POST', `/api/v1/articles/${a.id}/comments`, bob.accessToken, {
        body: '  First!  ',
      });
      expect(c1.statusCode).toBe(201);
      expect(c1.json()).toMatchObject({
        body: 'First!',
        parentId: null,
        articleId: a.id,
        author: { id: bob.id },
      });
      const reply = await send('POST', `/api/v1/articles/${a.id}/comments`, alice.accessToken, {
        body: 'Thanks',
        parentId: c1.json().id,
      });
      expect(reply.statusCode).toBe(201);
      const deep = await send('POST', `/api/v1/articles/${a.id}/comments`, bob.accessToken, {
        body: 'Too deep',
        parentId: reply.json().id,
      });
      expect(deep.statusCode).toBe(400);
      const foreign = await send('POST', `/api/v1/articles/${other.id}/comments`, bob.accessToken, {
        body: 'Wrong thread',
        parentId: c1.json().id,
      });
      expect(foreign.statusCode).toBe(404);
      for (const payload of [
        { body: '' },
        { body: 'x'.repeat(5001) },
        { body: 'x', parentId: 'nope' },
        { body: 'x', extra: 1 },
      ]) {
        expect(
          (await send('POST', `/api/v1/articles/${a.id}/comments`, bob.accessToken, payload))
            .statusCode,
        ).toBe(400);
      }
      expect(
        (await send('POST', `/api/v1/articles/${a.id}/comments`, undefined, { body: 'anon' }))
          .statusCode,
      ).toBe(401);
      const c2 = await send('POST', `/api/v1/articles/${a.id}/comments`, moderator.accessToken, {
        body: 'Second',
      });

      const list = await send('GET', `/api/v1/articles/${a.id}/comments`);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({
        nextCursor: null,
        items: [
          {
            id: c1.json().id,
            replyCount: 1,
            replies: [{ id: reply.json().id, parentId: c1.json().id }],
          },
          { id: c2.json().id, replyCount: 0, replies: [] },
        ],
      });
      const page1 = await send('GET', `/api/v1/articles/${a.id}/comments?limit=1`);
      const page2 = await send(
        'GET',
        `/api/v1/articles/${a.id}/comments?limit=1&cursor=${page1.json().nextCursor}`,
      );
      expect(page2.json().items.map((c: { id: string }) => c.id)).toEqual([c2.json().id]);
      expect((await send('GET', `/api/v1/articles/${a.slug}`)).json().commentsCount).toBe(3);

      expect(
        (await send('DELETE', `/api/v1/comments/${c2.json().id}`, bob.accessToken)).statusCode,
      ).toBe(403);
      // The article's author moderates their own thread; replies go with their parent.
      expect(
        (await send('DELETE', `/api/v1/comments/${c1.json().id}`, alice.accessToken)).statusCode,
      ).toBe(204);
      expect(
        (await send('DELETE', `/api/v1/comments/${c1.json().id}`, alice.accessToken)).statusCode,
      ).toBe(404);
      expect((await send('GET', `/api/v1/articles/${a.slug}`)).json().commentsCount).toBe(1);
      expect(
        (await send('DELETE', `/api/v1/comments/${c2.json().id}`, moderator.accessToken))
          .statusCode,
      ).toBe(204);
      expect((await send('GET', `/api/v1/articles/${a.slug}`)).json().commentsCount).toBe(0);
    });

    it('refuses comments on a draft, even from its author', async () => {
      const d = await createArticle(t, alice.accessToken, { title: 'Quiet draft' });
      const res = await send('POST', `/api/v1/articles/${d.id}/comments`, alice.accessToken, {
        body: 'note to self',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toBe('https://nexus.dev/problems/article-not-published');
    });
  });

  describe('reactions', () => {
    it('likes idempotently, one per user, with exact counts', async () => {
      const a = await createArticle(t, alice.accessToken, { title: 'Likeable' }, true);
      const like = () => send('PUT', `/api/v1/articles/${a.id}/reactions/like`, bob.accessToken);
      expect((await like()).json()).toEqual({ articleId: a.id, liked: true, likesCount: 1 });
      expect((await like()).json()).toEqual({ articleId: a.id, liked: true, likesCount: 1 });
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          send('PUT', `/api/v1/articles/${a.id}/reactions/like`, moderator.accessToken),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect((await send('GET', `/api/v1/articles/${a.slug}`)).json().likesCount).toBe(2);
      const unlike = () =>
        send('DELETE', `/api/v1/articles/${a.id}/reactions/like`, bob.accessToken);
      expect((await unlike()).json()).toEqual({ articleId: a.id, liked: false, likesCount: 1 });
      expect((await unlike()).json()).toEqual({ articleId: a.id, liked: false, likesCount: 1 });
      expect((await send('PUT', `/api/v1/articles/${a.id}/reactions/like`)).statusCode).toBe(401);
      expect(
        (await send('PUT', `/api/v1/articles/${UUID}/reactions/like`, bob.accessToken)).statusCode,
      ).toBe(404);
    });

    it('keeps counts exact under concurrent likes, unlikes and comments', async () => {
      const a = await createArticle(t, alice.accessToken, { title: 'Contended' }, true);
      const ops = [alice, bob, moderator, bob, alice, moderator].flatMap((u, i) => [
        send('PUT', `/api/v1/articles/${a.id}/reactions/like`, u.accessToken),
        send('POST', `/api/v1/articles/${a.id}/comments`, u.accessToken, { body: `c${i}` }),
      ]);
      const results = await Promise.all(ops);
      expect(results.map((r) => r.statusCode).sort()).toEqual(
        [...Array(6).fill(200), ...Array(6).fill(201)].sort(),
      );
      const unlikes = await Promise.all(
        [bob, bob, moderator].map((u) =>
          send('DELETE', `/api/v1/articles/${a.id}/reactions/like`, u.accessToken),
        ),
      );
      expect(unlikes.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect((await send('GET', `/api/v1/articles/${a.slug}`)).json()).toMatchObject({
        likesCount: 1,
        commentsCount: 6,
      });
    });
  });

  describe('feed, trending and tags', () => {
    it('lists articles of followed authors only, newest first', async () => {
      const carol = await registerUser(t);
      const reader = await registerUser(t);
      const a1 = await createArticle(t, carol.accessToken, { title: 'Carol one' }, true);
      await createArticle(t, carol.accessToken, { title: 'Carol draft' });
      const a2 = await createArticle(t, carol.accessToken, { title: 'Carol two' }, true);
      expect((await send('GET', '/api/v1/feed', reader.accessToken)).json()).toEqual({
        items: [],
        nextCursor: null,
      });
      const follow = await send(
        'POST',
        `/api/v1/users/${carol.username}/follow`,
        reader.accessToken,
      );
      expect(follow.statusCode).toBeLessThan(300);
      const feed = await send('GET', '/api/v1/feed?limit=1', reader.accessToken);
      expect(feed.json().items.map((i: { id: string }) => i.id)).toEqual([a2.id]);
      const next = await send(
        'GET',
        `/api/v1/feed?limit=1&cursor=${feed.json().nextCursor}`,
        reader.accessToken,
      );
      expect(next.json()).toMatchObject({ items: [{ id: a1.id }], nextCursor: null });
      expect((await send('GET', '/api/v1/feed')).statusCode).toBe(401);
      expect((await send('GET', '/api/v1/feed?limit=101', reader.accessToken)).statusCode).toBe(
        400,
      );
    });

    it('ranks trending articles by recent likes and comments', async () => {
      const hot = await createArticle(t, alice.accessToken, { title: 'Hot topic' }, true);
      const warm = await createArticle(t, alice.accessToken, { title: 'Warm topic' }, true);
      await send('PUT', `/api/v1/articles/${warm.id}/reactions/like`, bob.accessToken);
      await send('PUT', `/api/v1/articles/${hot.id}/reactions/like`, bob.accessToken);
      await send('PUT', `/api/v1/articles/${hot.id}/reactions/like`, moderator.accessToken);
      await send('POST', `/api/v1/articles/${hot.id}/comments`, bob.accessToken, {
        body: 'so hot',
      });
      const res = await send('GET', '/api/v1/trending?days=1&limit=100');
      expect(res.statusCode).toBe(200);
      const ids = res.json().items.map((i: { id: string }) => i.id);
      expect(ids.indexOf(hot.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(hot.id)).toBeLessThan(ids.indexOf(warm.id));
      expect(res.json().items[ids.indexOf(hot.id)].score).toBe(4);
      for (const q of ['days=0', 'days=31', 'limit=101', 'days=abc', 'x=1']) {
        expect((await send('GET', `/api/v1/trending?${q}`)).statusCode).toBe(400);
      }
    });

    it('counts tags of published articles only', async () => {
      await createArticle(t, alice.accessToken, { title: 'Tagged', tags: ['zebra-tag'] }, true);
      await createArticle(t, alice.accessToken, {
        title: 'Tagged draft',
        tags: ['zebra-tag', 'hidden-tag'],
      });
      const tags = (await send('GET', '/api/v1/tags')).json();
      expect(tags).toContainEqual({ name: 'zebra-tag', articleCount: 1 });
      expect(tags.map((x: { name: string }) => x.name)).not.toContain('hidden-tag');
    });

    it('deletes an article with its comments and likes', async () => {
      const a = await createArticle(t, alice.accessToken, { title: 'Doomed' }, true);
      await send('POST', `/api/v1/articles/${a.id}/comments`, bob.accessToken, { body: 'bye' });
      await send('PUT', `/api/v1/articles/${a.id}/reactions/like`, bob.accessToken);
      expect((await send('DELETE', `/api/v1/articles/${a.id}`, alice.accessToken)).statusCode).toBe(
        204,
      );
      expect((await send('GET', `/api/v1/articles/${a.slug}`)).statusCode).toBe(404);
      expect((await send('GET', `/api/v1/articles/${a.id}/comments`)).statusCode).toBe(404);
      expect((await send('DELETE', `/api/v1/articles/${a.id}`, alice.accessToken)).statusCode).toBe(
        404,
      );
    });

    it('documents the content routes in OpenAPI', async () => {
      const spec = (await t.inject('/docs-json')).json();
      for (const path of [
        '/api/v1/articles',
        '/api/v1/articles/{slug}',
        '/api/v1/articles/{id}',
        '/api/v1/articles/{id}/publish',
        '/api/v1/articles/{id}/unpublish',
        '/api/v1/articles/{id}/comments',
        '/api/v1/comments/{id}',
        '/api/v1/articles/{id}/reactions/like',
        '/api/v1/feed',
        '/api/v1/tags',
        '/api/v1/trending',
        '/api/v1/admin/cache/metrics',
      ]) {
        expect(Object.keys(spec.paths)).toContain(path);
      }
      expect(
        spec.paths['/api/v1/articles'].get.responses['400'].content['application/problem+json'],
      ).toBeDefined();
      // Every $ref of the content schemas resolves.
      const refs = JSON.stringify(spec).match(/#\/components\/schemas\/\w+/g) ?? [];
      for (const ref of new Set(refs))
        expect(spec.components.schemas).toHaveProperty(ref.split('/').pop()!);
    });
  });
});
