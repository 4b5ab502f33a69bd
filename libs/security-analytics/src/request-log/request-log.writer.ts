import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, errorText, MetricsService } from '@nexus/core';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { rollupBatch } from '../rollups/rollups';
import { RollupsRepository } from '../rollups/rollups.repository';
import { RequestLogRepository } from './request-log.repository';
import { RequestLogEntry } from './request-log.types';

/**
 * The request log's buffer and writer. `record` is the hot path: a push into a bounded array (a
 * full buffer drops the entry and counts it, it never grows). Batches of `batchSize` rows are
 * written as soon as they are full, the rest every `flushMs`; one write at a time per process, the
 * log rows and their rollup increments in one transaction (the rollups always equal the log).
 * A failed write puts its rows back while there is room; rows the database refuses for their data
 * are isolated and dropped (counted). On shutdown the buffer is written out.
 */
@Injectable()
export class RequestLogWriter
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(RequestLogWriter.name);
  private buffer: RequestLogEntry[] = [];
  private writing: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  private closed = false;
  private readonly written: Counter;
  private readonly dropped: Counter;
  private readonly capacity: number;
  private readonly batchSize: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: RequestLogRepository,
    private readonly rollups: RollupsRepository,
    metrics: MetricsService,
  ) {
    this.capacity = config.requestLog.bufferSize;
    this.batchSize = config.requestLog.batchSize;
    const registers = [metrics.registry];
    this.written = new Counter({
      name: 'nexus_request_log_written_total',
      help: 'Request-log rows written to the database by this process',
      registers,
    });
    this.dropped = new Counter({
      name: 'nexus_request_log_dropped_total',
      help: 'Request-log rows dropped by this process (buffer full, or a write failed with no room to retry)',
      registers,
    });
    const buffered = () => this.buffer.length;
    new Gauge({
      name: 'nexus_request_log_buffered',
      help: 'Request-log rows waiting in memory to be written',
      registers,
      collect() {
        this.set(buffered());
      },
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.requestLog.flushMs);
    this.timer.unref();
  }

  /** Buffers one entry; false when it was dropped. */
  record(entry: RequestLogEntry): boolean {
    if (this.buffer.length >= this.capacity) {
      this.dropped.inc();
      return false;
    }
    this.buffer.push(entry);
    if (this.buffer.length >= this.batchSize && !this.writing) void this.flush();
    return true;
  }

  get buffered(): number {
    return this.buffer.length;
  }

  /**
   * Writes what is buffered now, in batches; resolves when it is written (or failed). Calls made
   * while a write is running wait for it and then write what has come in since.
   */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (!this.buffer.length) return;
    this.writing = this.drain().finally(() => (this.writing = null));
    return this.writing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length) {
      // A batch the database refuses for its data is split until the refused rows are alone.
      const pending = [this.buffer.splice(0, this.batchSize)];
      while (pending.length) {
        const chunk = pending.shift()!;
        try {
          await this.write(chunk);
          this.written.inc(chunk.length);
        } catch (e) {
          if (refusedData(e)) {
            if (chunk.length > 1) {
              const half = chunk.length >> 1;
              pending.unshift(chunk.slice(0, half), chunk.slice(half));
            } else {
              this.dropped.inc();
              this.logger.warn(`request log: a row was refused and dropped (${errorText(e)})`);
            }
            continue;
          }
          this.putBack(chunk.concat(...pending), e);
          // Retried on the next tick of the timer, not in a tight loop against a failing database.
          if (!this.closed) return;
          throw e;
        }
      }
    }
  }

  /**
   * One batch: its log rows (one COPY) and their rollup increments (one upsert) in one
   * transaction. In embedded mode the database runs in its own thread, so a large statement does
   * not hold up the requests this thread serves.
   */
  private async write(batch: RequestLogEntry[]): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.log.insertBatch(batch, em);
      await this.rollups.add(rollupBatch(batch), em);
    });
  }

  /** Rows not written because the database failed: back at the head while there is room. */
  private putBack(rows: RequestLogEntry[], e: unknown): void {
    const room = Math.max(0, this.capacity - this.buffer.length);
    const kept = rows.slice(0, room);
    this.buffer = kept.concat(this.buffer);
    if (rows.length > kept.length) this.dropped.inc(rows.length - kept.length);
    this.logger.warn(`request log: a batch of ${rows.length} rows failed (${errorText(e)})`);
  }

  /** Nest's shutdown first runs this, then closes the HTTP server: most rows go out now. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  /**
   * After the HTTP server has closed (in-flight requests answered and recorded) and before the
   * database closes (core's modules shut down after feature modules): the rest of the buffer.
   */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const deadline = Date.now() + this.config.shutdownTimeoutMs;
    while (this.buffer.length && Date.now() < deadline) {
      try {
        await this.flush();
      } catch {
        break;
      }
    }
    if (this.buffer.length) {
      this.dropped.inc(this.buffer.length);
      this.logger.warn(`request log: ${this.buffer.length} rows not written at shutdown`);
      this.buffer = [];
    }
  }
}

/**
 * PostgreSQL refused the rows themselves (SQLSTATE class 22, data exception, or 23, integrity
 * constraint), as opposed to a connection or server failure: retrying the same rows cannot work.
 */
function refusedData(e: unknown): boolean {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  const code = err?.code ?? err?.driverError?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
