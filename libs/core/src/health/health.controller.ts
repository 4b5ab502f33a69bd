import { Controller, Get, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { operatorAccess } from '../http/operator-access';
import { QueueRegistry } from '../queue/queue.registry';
import { RedisService } from '../redis/redis.service';
import { Public } from '../http/route-access';
import { DrainState } from './drain';

@ApiTags('system')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisService,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly drain: DrainState,
  ) {}

  /** Liveness: the process answers. Never touches a dependency. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (touches no dependency)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'] } },
      example: { status: 'ok' },
    },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: database, Redis (when configured) and queues answer; 503 otherwise, and at once,
   * without asking the dependencies, while the process drains (SIGTERM).
   */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: database, Redis and queues answer (503 when one does not)',
    description:
      'Anyone gets the `status`; the per-dependency detail only with the operator token (`METRICS_TOKEN`) ' +
      'or, without one, outside production. While the instance drains after SIGTERM: 503 with ' +
      '`{"status":"shutting_down"}`.',
  })
  @HealthCheck({ swaggerDocumentation: true })
  async ready(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult | Pick<HealthCheckResult, 'status'>> {
    if (this.drain.draining) {
      reply.status(503).header('cache-control', 'no-store');
      return { status: 'shutting_down' };
    }
    let result: HealthCheckResult;
    try {
      result = await this.check();
    } catch (e) {
      // A failing check is a health report, not an error: keep Terminus's document, answer 503.
      if (!(e instanceof ServiceUnavailableException)) throw e;
      reply.status(503).header('cache-control', 'no-store');
      result = e.getResponse() as HealthCheckResult;
    }
    // The per-dependency detail (queue counts, errors) is operator data; the status is for anyone.
    return operatorAccess(this.config, request) === 'granted' ? result : { status: result.status };
  }

  private check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      async () => {
        const session = this.indicators.check('redis');
        if (!this.config.redisUrl) return session.up({ mode: 'in-process' });
        return (await this.redis.ping(1500))
          ? session.up()
          : session.down({ message: 'Redis did not answer' });
      },
      async () => {
        const session = this.indicators.check('queues');
        try {
          const counts: Record<string, Record<string, number>> = {};
          for (const name of this.queues.names()) {
            counts[name] = await withTimeout(this.queues.raw(name)!.counts(), 1500);
          }
          return session.up({ mode: this.queues.distributed ? 'bullmq' : 'in-process', counts });
        } catch (e) {
          return session.down({ message: (e as Error).message });
        }
      },
    ]);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  p.catch(() => undefined); // the check may fail after its time-out: not an unhandled rejection
  return Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
