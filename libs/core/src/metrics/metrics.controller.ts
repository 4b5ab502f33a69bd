import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProblemException } from '../errors/problem.exception';
import { operatorAccess } from '../http/operator-access';
import { MetricsService } from './metrics.service';
import { Public } from '../http/route-access';

@ApiExcludeController()
// Scraped without a token; published only to the monitoring network (see docs/deployment.md).
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('cache-control', 'no-store')
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const access = operatorAccess(this.config, request);
    // Off: indistinguishable from a route that does not exist.
    if (access === 'disabled') throw new ProblemException({ status: 404 });
    if (access === 'denied') {
      throw new ProblemException({
        status: 401,
        detail: 'Send the metrics token as a Bearer credential.',
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      });
    }
    const body = await this.metrics.registry.metrics();
    reply.header('content-type', this.metrics.registry.contentType).send(body);
  }
}
