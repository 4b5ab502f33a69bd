import { Injectable } from '@nestjs/common';

export type JobOutcome = 'completed' | 'failed';

type Observer = (queue: string, seconds: number, outcome: JobOutcome) => void;

/**
 * Where the queue workers of this process report each job run (duration, outcome), so that the
 * metrics (core's MetricsService) observe them without the queue module depending on metrics.
 */
@Injectable()
export class QueueStats {
  private readonly observers: Observer[] = [];

  observe(observer: Observer): void {
    this.observers.push(observer);
  }

  record(queue: string, seconds: number, outcome: JobOutcome): void {
    for (const o of this.observers) o(queue, seconds, outcome);
  }
}
