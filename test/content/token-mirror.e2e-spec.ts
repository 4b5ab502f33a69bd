import { RedisStringStore } from '@nexus/core';
import { TokenMirror } from '../../libs/content/src/cache/token-mirror';
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
  const redisReads = async (fn: () => Promise<unknown>): Promise<number> => {
    const spy = jest.spyOn(RedisStringStore.prototype, 'mget');
    try {
      await fn();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  it('registers an instance as live once it uses the cache, not before', async () => {
    const idle = await startTestApp('full', { shareWith: a });
    try {
      const before = await a.app.get(TokenMirror).liveInstances();
      expect(before).not.toContain(idle.app.get(TokenMirror).id);
    } finally {
      await idle.close();
    }
    for (const app of [a, b]) await get(app, '/api/v1/tags');
    for (let i = 0; i < 50; i++) {
      const live = await a.app.get(TokenMirror).liveInstances();
      if (live.includes(a.app.get(TokenMirror).id) && live.includes(b.app.get(TokenMirror).id))
        break;
      await new Promise((r) => setTimeout(r, 20));
    }
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

    // b hears invalidations late (a busy instance): a write must still wait for it.
    const mirror = b.app.get(TokenMirror) as unknown as {
      onMessage: (channel: string, raw: string) => void;
    };
    const onMessage = mirror.onMessage.bind(mirror);
    const slow = jest
      .spyOn(mirror, 'onMessage')
      .mockImplementation((channel, raw) => void setTimeout(() => onMessage(channel, raw), 100));
    for (let i = 1; i <= 3; i++) {
      const patch = await a.inject({
        method: 'PATCH',
        url: `/api/v1/articles/${article.id}`,
        headers: auth(alice.accessToken),
        payload: { title: `Mirror one, edition ${i}` },
      });
      expect(patch.statusCode).toBe(200);
      // The very next read on the other instance, with no pause in between.
      expect((await get(b, url)).json().title).toBe(`Mirror one, edition ${i}`);
    }
    slow.mockRestore();
  });

  it('stops trusting its copy while it cannot hear invalidations, and stays correct', async () => {
    const article = await createArticle(a, alice.accessToken, { title: 'Mirror two' }, true);
    const url = `/api/v1/articles/${article.slug}`;
    await get(b, url);
    await get(b, url);
    const mirror = b.app.get(TokenMirror);
    const subscriber = (
      mirror as unknown as { subscriber: { disconnect(reconnect?: boolean): void } }
    ).subscriber;
    subscriber.disconnect(true);
    await new Promise((r) => setTimeout(r, 50));
    // Not trusted: reads go to Redis again.
    expect(await redisReads(() => get(b, url))).toBeGreaterThan(0);
    const patch = await a.inject({
      method: 'PATCH',
      url: `/api/v1/articles/${article.id}`,
      headers: auth(alice.accessToken),
      payload: { title: 'Mirror two, edited while b was deaf' },
    });
    expect(patch.statusCode).toBe(200);
    expect((await get(b, url)).json().title).toBe('Mirror two, edited while b was deaf');
    // Back: subscribed again (ioredis reconnects), with an empty copy that fills up again.
    for (let i = 0; i < 50 && !mirror.get([]); i++) await new Promise((r) => setTimeout(r, 50));
    expect(mirror.get([])).toEqual([]);
    await get(b, url);
    expect(await redisReads(() => get(b, url))).toBe(0);
  });
});
