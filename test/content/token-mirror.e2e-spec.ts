import { InstanceBroadcast, RedisStringStore } from '@nexus/core';
import type IORedis from 'ioredis';
import { once } from 'node:events';
import { TOKEN_INVALIDATION_CHANNEL, TokenMirror } from '../../libs/content/src/cache/token-mirror';
import { RegisteredUser, registerUser } from '../support/auth';
import { fullModeAvailable } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, createArticle } from './content-helpers';

/**
 * Full mode: each api instance keeps a copy of the generation tokens (TokenMirror) so a cached
 * read does not go to Redis, and a write waits until every live instance dropped its copy.
 */
const suite = fullModeAvailable() ? describe : describe.skip;
suite('token mirror across api instances (full mode)', () => {
  let a: TestApp;
  let b: TestApp;
  let alice: RegisteredUser;

  beforeAll(async () => {
    a = await startTestApp('full');
    b = await startTestApp('full', { shareWith: a });
    alice = await registerUser(a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const get = (app: TestApp, url: string) => app.inject({ method: 'GET', url });
  const broadcastOf = (app: TestApp) => app.app.get(InstanceBroadcast);
  /** Resolves once the instance is announced on the channel (its first use started it). */
  const announced = async (app: TestApp) => {
    const broadcast = broadcastOf(app);
    while (!broadcast.isTrusted(TOKEN_INVALIDATION_CHANNEL))
      await once(broadcast.events, 'announced');
  };
  const redisReads = async (fn: () => Promise<unknown>): Promise<number> => {
    const spy = jest.spyOn(RedisStringStore.prototype, 'mget');
    try {
      await fn();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };
  const edit = (articleId: string, title: string) =>
    a.inject({
      method: 'PATCH',
      url: `/api/v1/articles/${articleId}`,
      headers: auth(alice.accessToken),
      payload: { title },
    });

  it('registers an instance as live once it uses the cache, not before', async () => {
    const idle = await startTestApp('full', { shareWith: a });
    try {
      const before = await a.app.get(TokenMirror).liveInstances();
      expect(before).not.toContain(idle.app.get(TokenMirror).id);
    } finally {
      await idle.close();
    }
    for (const app of [a, b]) await get(app, '/api/v1/tags');
    await Promise.all([announced(a), announced(b)]);
    const live = await a.app.get(TokenMirror).liveInstances();
    expect(live).toEqual(
      expect.arrayContaining([a.app.get(TokenMirror).id, b.app.get(TokenMirror).id]),
    );
  });

  it('serves repeated cached reads from the instance copy, and every write is seen at once elsewhere', async () => {
    const article = await createArticle(a, alice.accessToken, { title: 'Mirror one' }, true);
    const url = `/api/v1/articles/${article.slug}`;
    await get(b, url);
    await get(b, url);
    let hit!: Awaited<ReturnType<typeof get>>;
    expect(
      await redisReads(async () => {
        hit = await get(b, url);
      }),
    ).toBe(0);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.json().title).toBe('Mirror one');

    // b is busy when the invalidation arrives (held by a barrier): the write must wait for it.
    const mirror = b.app.get(TokenMirror);
    const drop = mirror.onInvalidation.bind(mirror);
    for (let i = 1; i <= 3; i++) {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const reached = new Promise<void>((r) => (entered = r));
      const busy = jest.spyOn(mirror, 'onInvalidation').mockImplementation(((
        message: Parameters<TokenMirror['onInvalidation']>[0],
      ) => {
        entered();
        return gate.then(() => drop(message));
      }) as unknown as TokenMirror['onInvalidation']);
      let answered = false;
      const waiting = once(broadcastOf(a).events, 'waiting');
      const patch = edit(article.id, `Mirror one, edition ${i}`).then((res) => {
        answered = true;
        return res;
      });
      const [[wait]] = await Promise.all([waiting, reached]);
      // The writer waits for b, which has not handled the invalidation yet: no answer so far.
      expect(wait).toEqual({
        channel: TOKEN_INVALIDATION_CHANNEL,
        instances: [b.app.get(TokenMirror).id],
      });
      expect(answered).toBe(false);
      release();
      expect((await patch).statusCode).toBe(200);
      busy.mockRestore();
      // The very next read on the other instance, with no pause in between.
      expect((await get(b, url)).json().title).toBe(`Mirror one, edition ${i}`);
    }
  });

  it('stops trusting its copy while it cannot hear invalidations, and stays correct', async () => {
    const article = await createArticle(a, alice.accessToken, { title: 'Mirror two' }, true);
    const url = `/api/v1/articles/${article.slug}`;
    await get(b, url);
    await get(b, url);
    const mirror = b.app.get(TokenMirror);
    const broadcast = broadcastOf(b);
    const subscriber = (broadcast as unknown as { subscriber: IORedis }).subscriber;
    const deaf = once(broadcast.events, 'untrusted');
    subscriber.disconnect(false);
    await deaf;
    // Not trusted: reads go to Redis again.
    expect(mirror.get([])).toBeUndefined();
    expect(await redisReads(() => get(b, url))).toBeGreaterThan(0);
    const patch = await edit(article.id, 'Mirror two, edited while b was deaf');
    expect(patch.statusCode).toBe(200);
    // b was still in the live set and could not confirm: a's wait timed out, and says so.
    const metrics = (await a.inject('/metrics')).body;
    expect(metrics).toMatch(
      new RegExp(
        `nexus_broadcast_ack_timeouts_total\\{channel="${TOKEN_INVALIDATION_CHANNEL}"\\} [1-9]`,
      ),
    );
    expect(metrics).toMatch(
      new RegExp(
        `nexus_broadcast_messages_total\\{channel="${TOKEN_INVALIDATION_CHANNEL}",direction="sent"\\} [1-9]`,
      ),
    );
    expect((await get(b, url)).json().title).toBe('Mirror two, edited while b was deaf');
    // Back: subscribed again, with an empty copy that fills up again.
    const back = once(broadcast.events, 'trusted');
    await subscriber.connect();
    await back;
    expect(mirror.get([])).toEqual([]);
    expect(await redisReads(() => get(b, url))).toBeGreaterThan(0);
    expect(await redisReads(() => get(b, url))).toBe(0);
  });

  it('with CACHE_TOKEN_MIRROR=false reads the tokens from Redis every time and is never waited for', async () => {
    const c = await startTestApp('full', { shareWith: a, env: { CACHE_TOKEN_MIRROR: 'false' } });
    try {
      const article = await createArticle(a, alice.accessToken, { title: 'Unmirrored' }, true);
      const url = `/api/v1/articles/${article.slug}`;
      await get(c, url);
      await get(c, url);
      let hit!: Awaited<ReturnType<typeof get>>;
      expect(
        await redisReads(async () => {
          hit = await get(c, url);
        }),
      ).toBeGreaterThan(0);
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(c.app.get(TokenMirror).enabled).toBe(false);
      expect(await a.app.get(TokenMirror).liveInstances()).not.toContain(c.app.get(TokenMirror).id);
      expect((await edit(article.id, 'Unmirrored, edited')).statusCode).toBe(200);
      expect((await get(c, url)).json().title).toBe('Unmirrored, edited');
    } finally {
      await c.close();
    }
  });
});
