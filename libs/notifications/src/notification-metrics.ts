import { Injectable } from '@nestjs/common';
import { MetricsService } from '@nexus/core';
import { Counter, Gauge } from 'prom-client';

/** `nexus_notifications_created_total{type}` and `nexus_notification_streams`. */
@Injectable()
export class NotificationMetrics {
  readonly created: Counter<'type'>;
  readonly streams: Gauge;

  constructor(metrics: MetricsService) {
    this.created = new Counter({
      name: 'nexus_notifications_created_total',
      help: 'In-app notifications written, by type',
      labelNames: ['type'] as const,
      registers: [metrics.registry],
    });
    this.streams = new Gauge({
      name: 'nexus_notification_streams',
      help: 'Open notification streams (SSE) on this instance',
      registers: [metrics.registry],
    });
  }
}
