import { Inject } from '@nestjs/common';

/** What a processor sees of a job; BullMQ's Job satisfies it, so does the embedded runner's. */
export interface QueueJob<T = unknown> {
  id?: string;
  name: string;
  data: T;
  /** Attempts already made before this one (0 on the first run). */
  attemptsMade: number;
  opts: { attempts?: number };
  /**
   * Aborted when the process stops and this job cannot finish within SHUTDOWN_TIMEOUT_MS (full
   * mode): a processor that stops on it gets its job released to the next worker, no attempt
   * spent. Undo what another worker's run would otherwise skip, then throw.
   */
  signal?: AbortSignal;
}

export interface EnqueueOptions {
  /** Deduplication key: a job whose id is already known is not added again. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  backoffMs?: number;
}

/** Metadata every job carries (the request that caused it, for log correlation). */
export interface JobEnvelope<T> {
  payload: T;
  requestId?: string;
  /** W3C trace context (`traceparent`, `tracestate`) of the producer's span; tracing on only. */
  trace?: Record<string, string>;
}

/** The producer side of one queue: the same interface in embedded and full mode. */
export interface JobQueue<T = unknown> {
  readonly name: string;
  add(jobName: string, payload: T, options?: EnqueueOptions): Promise<void>;
  /** Jobs per state (waiting, active, delayed, failed, completed). */
  counts(): Promise<Record<string, number>>;
  /** How long the oldest waiting job has waited (ms); null when none waits. */
  oldestWaitingMs?(): Promise<number | null>;
}

/** Per-queue defaults, declared by the feature module that owns the queue. */
export interface QueueDefinition {
  name: string;
  attempts?: number;
  backoffMs?: number;
  concurrency?: number;
}

/** Implemented by processors that want to know when a job has used up its attempts. */
export interface DeadLetterAware<T = unknown> {
  onDead(job: QueueJob<JobEnvelope<T>>, error: Error): Promise<void>;
}

export const queueToken = (name: string): string => `nexus:queue:${name}`;

/** Injects the JobQueue of the named queue (declared with `QueueModule.forFeature`). */
export const InjectJobQueue = (name: string): ParameterDecorator => Inject(queueToken(name));
