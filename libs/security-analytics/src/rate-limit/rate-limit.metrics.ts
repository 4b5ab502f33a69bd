import { Injectable } from '@nestjs/common';
import { MetricsService } from '@nexus/core';
import { Counter } from 'prom-client';

/** The refusal counters shared by the global limit and the named route limits. */
@Injectable()
export class RateLimitMetrics {
  readonly limited: Counter<'limit'>;
  readonly wouldLimit: Counter<'limit'>;

  constructor(metrics: MetricsService) {
    this.limited = new Counter({
      name: 'nexus_requests_rate_limited_total',
      help: 'Requests refused with 429, by limit (ip, user, or a named route limit such as auth)',
      labelNames: ['limit'] as const,
      registers: [metrics.registry],
    });
    this.wouldLimit = new Counter({
      name: 'nexus_requests_would_rate_limit_total',
      help: 'RATE_LIMIT_DRY_RUN: requests a limit would have refused, by limit',
      labelNames: ['limit'] as const,
      registers: [metrics.registry],
    });
  }
}
