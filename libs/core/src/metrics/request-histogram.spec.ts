import { Histogram, Registry } from 'prom-client';
import { RequestHistogram } from './request-histogram';

const BOUNDS = [0.001, 0.005, 0.01, 0.1, 1];

describe('RequestHistogram', () => {
  it("prints what prom-client's Histogram prints for the same observations", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const fast = new RequestHistogram('http_seconds', 'duration', BOUNDS, ours);
    const reference = new Histogram({
      name: 'http_seconds',
      help: 'duration',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: BOUNDS,
      registers: [theirs],
    });
    const observations: [string, string, number, number][] = [
      ['GET', '/api/v1/ping', 200, 0.0004],
      ['GET', '/api/v1/ping', 200, 0.001], // on a bound: counted in that bucket
      ['GET', '/api/v1/ping', 200, 0.0011],
      ['GET', '/api/v1/ping', 404, 0.2],
      ['POST', '/api/v1/ping', 200, 7], // above every bound: +Inf only
      ['GET', '/api/v1/articles/:slug', 200, 0.05],
    ];
    for (const [method, route, status, seconds] of observations) {
      fast.observe(method, route, status, seconds);
      reference.observe({ method, route, status: String(status) }, seconds);
    }
    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    expect(text).toContain(
      'http_seconds_bucket{le="0.001",method="GET",route="/api/v1/ping",status="200"} 2',
    );
    expect(text).toContain('http_seconds_count{method="POST",route="/api/v1/ping",status="200"} 1');

    fast.reset();
    expect(await ours.metrics()).not.toContain('http_seconds_count');
  });

  it('keeps at most maxSeries label sets', async () => {
    const registry = new Registry();
    const h = new RequestHistogram('h', 'h', BOUNDS, registry, 2);
    for (const route of ['/a', '/b', '/c']) h.observe('GET', route, 200, 0.01);
    h.observe('GET', '/a', 500, 0.01);
    h.observe('GET', '/a', 200, 0.01);
    const text = await registry.metrics();
    expect(text).toContain('h_count{method="GET",route="/a",status="200"} 2');
    expect(text).toContain('h_count{method="GET",route="/b",status="200"} 1');
    expect(text).not.toContain('route="/c"');
    expect(text).not.toContain('status="500"');
    expect(h.dropped).toBe(2);
  });
});
