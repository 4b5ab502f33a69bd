import type { Metric, Registry } from 'prom-client';

/** One exported sample, in the shape prom-client's Registry prints. */
interface Sample {
  metricName: string;
  value: number;
  labels: Record<string, string | number>;
}

/** The counts of one label set. `buckets[i]` counts observations in (bounds[i-1], bounds[i]]. */
interface Series {
  labels: { method: string; route: string; status: string };
  buckets: Float64Array;
  count: number;
  sum: number;
}

/**
 * The HTTP request-duration histogram (`method`, `route`, `status`), observed once per request.
 * prom-client's Histogram hashes the label object, validates label names and looks the bucket up
 * by a string property on every observation; here an observation is two Map lookups (route, then
 * method and status), a search in a typed array and two additions. Exported in prom-client's
 * format through its Registry, so `/metrics` reads the same (docs/benchmarks.md).
 */
export class RequestHistogram {
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  private readonly bounds: Float64Array;
  private readonly byRoute = new Map<string, Map<string, Series>>();
  private size = 0;
  private droppedCount = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    bounds: readonly number[],
    registry: Registry,
    /** Label sets kept at most (a bound on memory should routes or statuses explode). */
    private readonly maxSeries = 10_000,
  ) {
    this.bounds = Float64Array.from(bounds);
    registry.registerMetric(this as unknown as Metric);
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    let byKey = this.byRoute.get(route);
    if (!byKey) {
      if (this.size >= this.maxSeries) return void this.droppedCount++;
      this.byRoute.set(route, (byKey = new Map()));
    }
    const key = method + status;
    let series = byKey.get(key);
    if (!series) {
      if (this.size >= this.maxSeries) return void this.droppedCount++;
      series = {
        labels: { method, route, status: String(status) },
        buckets: new Float64Array(this.bounds.length),
        count: 0,
        sum: 0,
      };
      byKey.set(key, series);
      this.size++;
    }
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && seconds > bounds[i]) i++;
    if (i < bounds.length) series.buckets[i]++;
    series.count++;
    series.sum += seconds;
  }

  /** Observations not recorded because their label set would have exceeded `maxSeries`. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** prom-client's metric shape: cumulative `_bucket` values, then `_sum` and `_count`. */
  get(): Promise<{
    name: string;
    help: string;
    type: 'histogram';
    aggregator: 'sum';
    values: Sample[];
  }> {
    const values: Sample[] = [];
    for (const byKey of this.byRoute.values()) {
      for (const s of byKey.values()) {
        let cumulative = 0;
        for (let i = 0; i < this.bounds.length; i++) {
          cumulative += s.buckets[i];
          values.push(this.value(`${this.name}_bucket`, cumulative, s, this.bounds[i]));
        }
        values.push(this.value(`${this.name}_bucket`, s.count, s, '+Inf'));
        values.push(this.value(`${this.name}_sum`, s.sum, s));
        values.push(this.value(`${this.name}_count`, s.count, s));
      }
    }
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values,
    });
  }

  reset(): void {
    this.byRoute.clear();
    this.size = 0;
    this.droppedCount = 0;
  }

  private value(metricName: string, value: number, s: Series, le?: number | string): Sample {
    // prom-client prints `labels` then `sharedLabels`: `{le="…",method=…}` as its Histogram does.
    return {
      metricName,
      value,
      labels: le === undefined ? { ...s.labels } : { le, ...s.labels },
    };
  }
}
