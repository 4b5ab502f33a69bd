import { Counter, Registry } from 'prom-client';
import type { AppConfig } from '../config/app-config';
import { MetricsServer } from './metrics-server';
import type { MetricsService } from './metrics.service';

const TOKEN = 'operator-token-0123456789';

describe('MetricsServer (the worker /metrics listener)', () => {
  const servers: MetricsServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function start(config: Pick<AppConfig, 'metricsToken' | 'nodeEnv'>, registry?: Registry) {
    const reg = registry ?? new Registry();
    if (!registry) {
      new Counter({ name: 'nexus_test_jobs_total', help: 'test', registers: [reg] }).inc(3);
    }
    const errors: Error[] = [];
    const server = new MetricsServer({ registry: reg } as MetricsService, config, (e) =>
      errors.push(e),
    );
    servers.push(server);
    const port = await server.listen(0, '127.0.0.1');
    const get = (path: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, init);
    return { get, errors };
  }

  it('serves the registry in the Prometheus text format outside production without a token', async () => {
    const { get } = await start({ nodeEnv: 'development' });
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toMatch(/^nexus_test_jobs_total 3$/m);
  });

  it('is off in production without METRICS_TOKEN: 404 problem+json, like the api', async () => {
    const { get } = await start({ nodeEnv: 'production' });
    const res = await get('/metrics');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('requires the Bearer token when METRICS_TOKEN is set', async () => {
    const { get } = await start({ nodeEnv: 'production', metricsToken: TOKEN });
    const missing = await get('/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(((await missing.json()) as { status: number }).status).toBe(401);
    const wrong = await get('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const right = await get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('nexus_test_jobs_total 3');
  });

  it('answers /health/live without a token and refuses other paths and methods', async () => {
    const { get } = await start({ nodeEnv: 'production', metricsToken: TOKEN });
    const live = await get('/health/live');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect((await get('/nope')).status).toBe(404);
    const post = await get('/metrics', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 500 without detail and reports the error when a collection fails', async () => {
    const registry = new Registry();
    new Counter({
      name: 'nexus_broken_total',
      help: 'test',
      registers: [registry],
      collect() {
        throw new Error('collector exploded');
      },
    });
    const { get, errors } = await start({ nodeEnv: 'development' }, registry);
    const res = await get('/metrics');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('exploded');
    expect(errors.map((e) => e.message)).toEqual(['collector exploded']);
  });

  it('refuses to start on a port that is taken', async () => {
    const first = new MetricsServer({ registry: new Registry() } as MetricsService, {
      nodeEnv: 'development',
    });
    servers.push(first);
    const port = await first.listen(0, '127.0.0.1');
    const second = new MetricsServer({ registry: new Registry() } as MetricsService, {
      nodeEnv: 'development',
    });
    await expect(second.listen(port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
  });
});
