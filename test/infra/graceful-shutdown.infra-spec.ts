import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AddressInfo, Server, Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startBuiltApp, StartedProcess } from '../support/built-apps';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { fullModeAvailable } from '../support/modes';
import { deleteRedisPrefix } from '../support/redis-prefix';
import { deferred, waitUntil } from '../support/sync';

/**
 * What a rolling upgrade relies on: the built api, sent SIGTERM while a request waits on
 * PostgreSQL, first answers 503 on /health/ready while still serving other requests (for
 * SHUTDOWN_READINESS_GRACE_MS), then stops accepting connections, lets that request finish with
 * its answer, and only then exits 0. The request is held in flight by a proxy that stops
 * forwarding the api's traffic to PostgreSQL until the test lets it through.
 */

const GRACE_MS = 3000;

// The built api comes from test/infra/global-setup.ts.
const describeFull = fullModeAvailable() ? describe : describe.skip;

/** A TCP proxy whose client → server direction can be held (bytes buffered, connections open). */
async function holdingProxy(targetPort: number, targetHost: string) {
  const held: (() => void)[] = [];
  let holding = false;
  const received = { whileHeld: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (chunk) => {
      if (!holding) return void upstream.write(chunk);
      received.whileHeld += chunk.length;
      held.push(() => upstream.write(chunk));
    });
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const write of held.splice(0)) write();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describeFull('graceful shutdown of the built api (SIGTERM during a request)', () => {
  const prefix = `nexus-shutdown-${process.pid}`;
  let database: TestDatabase;
  let dir: string;
  let api: StartedProcess | undefined;
  let proxy: Awaited<ReturnType<typeof holdingProxy>>;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nexus-shutdown-'));
    database = await createTestDatabase(`nexus_shutdown_${process.pid}`);
    const databaseUrl = new URL(database.url);
    proxy = await holdingProxy(Number(databaseUrl.port || 5432), databaseUrl.hostname);
    databaseUrl.host = `127.0.0.1:${proxy.port}`;
    port = await freePort();
    api = await startBuiltApp('api', {
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl.toString(),
        DB_MIGRATE: 'true',
        REDIS_URL: process.env.TEST_REDIS_URL!,
        REDIS_PREFIX: prefix,
        JWT_SECRET: 'g'.repeat(48),
        DATA_DIR: join(dir, 'data'),
        HOST: '127.0.0.1',
        PORT: String(port),
        RUN_WORKERS: 'false',
        LOG_LEVEL: 'info',
        SHUTDOWN_READINESS_GRACE_MS: String(GRACE_MS),
      },
      ready: { url: `http://127.0.0.1:${port}/health/ready` },
    });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await proxy?.close();
    await database?.drop();
    await deleteRedisPrefix(process.env.TEST_REDIS_URL!, prefix);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('turns readiness 503 while serving, then refuses new connections, finishes the in-flight request, exits 0', async () => {
    const events: string[] = [];
    const exited = new Promise<[number | null, string | null]>((resolve) =>
      api!.child.once('exit', (code, signal) => {
        events.push('exit');
        resolve([code, signal]);
      }),
    );

    // An uncached listing: it must reach PostgreSQL, where the proxy holds it.
    proxy.hold();
    const answered = deferred<{ status: number; body: string }>();
    const agent = new Agent({ keepAlive: false });
    const to = new Date(Date.now() - 1234).toISOString();
    request(
      { host: '127.0.0.1', port, path: `/api/v1/articles?limit=5&to=${to}`, agent },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          events.push('answered');
          answered.resolve({ status: res.statusCode!, body });
        });
      },
    )
      .on('error', (e) => answered.reject(e))
      .end();
    // In flight: its query has reached the proxy and waits there.
    await waitUntil(() => proxy.received.whileHeld > 0, { what: 'query held at the proxy' });

    const signalled = Date.now();
    api!.child.kill('SIGTERM');
    // Readiness fails first, at once, without asking PostgreSQL (which the proxy holds). Asked
    // once the api has taken the signal: before, readiness would wait on the held database.
    await api!.waitForOutput('SIGTERM: readiness answers 503', { what: 'the api took the signal' });
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting_down' });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    // Everything else is still served during the grace, each answer closing its connection.
    const live = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(live.status).toBe(200);
    expect(live.headers.get('connection')).toBe('close');
    expect(events).toEqual([]);

    // After the grace the listening socket closes: a new connection is refused while the
    // request is pending.
    await waitUntil(
      () =>
        new Promise<boolean>((resolve) => {
          const s = connect(port, '127.0.0.1');
          s.on('connect', () => {
            s.destroy();
            resolve(false);
          });
          s.on('error', () => resolve(true));
        }),
      { timeoutMs: GRACE_MS + 5000, what: 'new connections refused' },
    );
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(GRACE_MS);
    expect(events).toEqual([]);

    proxy.release();
    const { status, body } = await answered.promise;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toHaveProperty('items');
    const [code, signal] = await exited;
    expect([code, signal]).toEqual([0, null]);
    expect(events).toEqual(['answered', 'exit']);
  }, 60_000);
});
