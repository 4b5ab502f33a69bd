import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { ChannelHandler, InstanceBroadcast, InstanceBroadcastOptions } from './instance-broadcast';
import { RedisService } from './redis.service';
import { startTcpProxy } from '../../../../test/support/tcp-proxy';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A handler that records messages and resets, optionally held until the test releases it. */
function recorder<M>() {
  const messages: M[] = [];
  let resets = 0;
  let gate: Deferred | undefined;
  let entered: Deferred | undefined;
  const handler: ChannelHandler<M> = {
    async onMessage(message) {
      messages.push(message);
      if (gate) {
        entered?.resolve();
        await gate.promise;
      }
    },
    onReset: () => void resets++,
  };
  return {
    handler,
    messages,
    resets: () => resets,
    /** Holds the next deliveries; returns when one entered and how to let it go. */
    hold() {
      gate = deferred();
      entered = deferred();
      return { entered: entered.promise, release: gate.resolve };
    },
  };
}

const settled = (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  return () => done;
};

describe('InstanceBroadcast (embedded: one instance, in-process delivery)', () => {
  const redis = new RedisService({} as AppConfig);
  const broadcast = new InstanceBroadcast(redis, { redisPrefix: 'unit' });
  const r = recorder<{ n: number }>();
  broadcast.on('numbers', r.handler);

  it('delivers both kinds of message to the local handler and is always trusted', async () => {
    await broadcast.join('numbers');
    expect(broadcast.isTrusted('numbers')).toBe(true);
    await broadcast.publish('numbers', { n: 1 });
    expect(await broadcast.publishAndWait('numbers', { n: 2 }, { timeoutMs: 100 })).toEqual({
      confirmed: true,
      waitedFor: [],
      missing: [],
    });
    expect(r.messages).toEqual([{ n: 1 }, { n: 2 }]);
    expect(broadcast.stats().messages).toEqual([
      { channel: 'numbers', direction: 'sent', count: 2 },
    ]);
  });

  it('refuses a second handler for a channel and joining a channel without one', () => {
    expect(() => broadcast.on('numbers', r.handler)).toThrow(/has a handler/);
    expect(() => broadcast.join('nobody')).toThrow(/has no handler/);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
// Runs where Redis is configured (always in CI: .ci/run sets TEST_REDIS_URL).
(redisUrl ? describe : describe.skip)('InstanceBroadcast (Redis)', () => {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const config = { redisUrl, redisPrefix: prefix } as AppConfig;
  const opened: { redis: RedisService; broadcast: InstanceBroadcast }[] = [];
  const instance = (options: Partial<InstanceBroadcastOptions> = {}) => {
    const redis = new RedisService(config);
    const broadcast = new InstanceBroadcast(redis, config, options);
    opened.push({ redis, broadcast });
    return broadcast;
  };
  afterEach(async () => {
    for (const { redis, broadcast } of opened.splice(0)) {
      await broadcast.onModuleDestroy();
      await redis.onApplicationShutdown();
    }
  });
  afterAll(async () => {
    const client = new IORedis(redisUrl!);
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length) await client.del(keys);
    client.disconnect();
  });

  it('is not live on a channel before it joins it, then is', async () => {
    const a = instance();
    const b = instance();
    a.on('c', recorder().handler);
    b.on('c', recorder().handler);
    await a.join('c');
    expect(await a.liveInstances('c')).toEqual([a.instanceId]);
    expect(b.isTrusted('c')).toBe(false);
    await b.join('c');
    expect(b.isTrusted('c')).toBe(true);
    expect((await a.liveInstances('c')).sort()).toEqual([a.instanceId, b.instanceId].sort());
  });

  it('publishAndWait resolves only once every live instance has handled the message', async () => {
    const a = instance();
    const b = instance();
    const c = instance();
    const [ra, rb, rc] = [recorder<string>(), recorder<string>(), recorder<string>()];
    a.on('ch', ra.handler);
    b.on('ch', rb.handler);
    c.on('ch', rc.handler);
    await Promise.all([a.join('ch'), b.join('ch'), c.join('ch')]);

    const held = rb.hold();
    const outcome = a.publishAndWait('ch', 'hello', { timeoutMs: 5_000 });
    const done = settled(outcome);
    await held.entered;
    // b is handling it; c may be done, the publisher still waits for b.
    expect(done()).toBe(false);
    held.release();
    const result = await outcome;
    expect(result.confirmed).toBe(true);
    expect(result.waitedFor.sort()).toEqual([b.instanceId, c.instanceId].sort());
    expect([ra.messages, rb.messages, rc.messages]).toEqual([['hello'], ['hello'], ['hello']]);
    expect(b.stats().messages).toEqual([{ channel: 'ch', direction: 'received', count: 1 }]);
  });

  it('reports the instances that did not acknowledge in time, and counts the time-out', async () => {
    const a = instance();
    const b = instance();
    const rb = recorder<string>();
    a.on('slow', recorder().handler);
    b.on('slow', rb.handler);
    await Promise.all([a.join('slow'), b.join('slow')]);
    const held = rb.hold();
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const outcome = a.publishAndWait('slow', 'x', { timeoutMs: 1_000 });
      await held.entered;
      await jest.advanceTimersByTimeAsync(1_000);
      expect(await outcome).toEqual({
        confirmed: false,
        waitedFor: [b.instanceId],
        missing: [b.instanceId],
      });
    } finally {
      jest.useRealTimers();
      held.release();
    }
    expect(a.stats().ackTimeouts).toEqual([{ channel: 'slow', count: 1 }]);
  });

  it('decides liveness by the Redis server clock: an instance whose clock lags is still waited for', async () => {
    // With scores from each instance's own clock, b (7 s behind) would fall outside a's 6 s
    // window: a would not wait for it while b trusts its copy.
    const lagging = () => performance.now() - 7_000;
    const ahead = () => performance.now() + 7_000;
    const a = instance({ clock: ahead });
    const b = instance({ clock: lagging });
    const rb = recorder<string>();
    a.on('skew', recorder().handler);
    b.on('skew', rb.handler);
    await Promise.all([a.join('skew'), b.join('skew')]);
    expect(b.isTrusted('skew')).toBe(true);
    expect(await a.liveInstances('skew')).toContain(b.instanceId);
    const held = rb.hold();
    const outcome = a.publishAndWait('skew', 'x', { timeoutMs: 5_000 });
    const done = settled(outcome);
    await held.entered;
    expect(done()).toBe(false);
    held.release();
    expect(await outcome).toMatchObject({ confirmed: true, waitedFor: [b.instanceId] });
  });

  it('stops trusting while it cannot hear, resets its handlers, and trusts again once back', async () => {
    const a = instance();
    const r = recorder<string>();
    a.on('t', r.handler);
    await a.join('t');
    expect(a.isTrusted('t')).toBe(true);
    const resetsBefore = r.resets();
    const subscriber = (a as unknown as { subscriber: IORedis }).subscriber;
    const lost = once(a.events, 'untrusted');
    subscriber.disconnect(false);
    await lost;
    expect(a.isTrusted('t')).toBe(false);
    expect(r.resets()).toBe(resetsBefore + 1);
    const back = once(a.events, 'trusted');
    await subscriber.connect();
    await back;
    expect(a.isTrusted('t')).toBe(true);
    expect(r.resets()).toBe(resetsBefore + 2);
    // Subscribed again: messages from another instance arrive.
    const b = instance();
    b.on('t', recorder().handler);
    expect(await b.publishAndWait('t', 'after', { timeoutMs: 5_000 })).toMatchObject({
      confirmed: true,
      waitedFor: [a.instanceId],
    });
    expect(r.messages).toEqual(['after']);
  });

  it('leaves no command unhandled when closed while its resubscription waits for an answer', async () => {
    const target = new URL(redisUrl!);
    const proxy = await startTcpProxy(Number(target.port || 6379), target.hostname);
    const proxied = { ...config, redisUrl: `redis://127.0.0.1:${proxy.port}` } as AppConfig;
    const redis = new RedisService(proxied);
    const a = new InstanceBroadcast(redis, proxied);
    opened.push({ redis, broadcast: a });
    a.on('r', recorder().handler);
    await a.join('r');
    const subscriber = (a as unknown as { subscriber: IORedis }).subscriber;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // Back, then Redis stops answering and the app shuts down: what is sent on reconnection
      // is never answered and is failed by the close.
      subscriber.once('ready', () => {
        proxy.pause();
        subscriber.disconnect();
      });
      const ended = once(subscriber, 'end');
      subscriber.disconnect(true); // drop the connection and reconnect at once
      await ended;
      await new Promise((r) => setImmediate(r)); // unhandled rejections are reported by now
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      proxy.resume();
      await a.onModuleDestroy();
      await redis.onApplicationShutdown();
      opened.pop();
      await proxy.close();
    }
  });

  it('stops trusting when its heartbeat is older than the live window', async () => {
    let now = 0;
    const a = instance({ clock: () => now, heartbeatMs: 60_000 });
    const r = recorder<string>();
    a.on('w', r.handler);
    await a.join('w');
    expect(a.isTrusted('w')).toBe(true);
    now = 5_999;
    expect(a.isTrusted('w')).toBe(true);
    now = 6_000;
    expect(a.isTrusted('w')).toBe(false);
    expect(r.resets()).toBe(2); // trusted at first, then not
  });

  it('leaves the live set on shutdown', async () => {
    const a = instance();
    const b = instance();
    a.on('bye', recorder().handler);
    b.on('bye', recorder().handler);
    await Promise.all([a.join('bye'), b.join('bye')]);
    await b.onModuleDestroy();
    expect(await a.liveInstances('bye')).toEqual([a.instanceId]);
  });
});
