import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '../errors/api-problems';
import { ProblemException } from '../errors/problem.exception';
import { KeysetCursors } from '../http/keyset-cursors';
import { RequireRoles } from '../http/route-access';
import { EmailDeliveriesRepository, EmailDelivery } from '../mail/email-deliveries.repository';
import { MailService } from '../mail/mail.service';
import { InProcessQueue } from '../queue/in-process-queue';
import { QueueRegistry } from '../queue/queue.registry';
import {
  DeliveriesQueryDto,
  EmailDeliveryDto,
  EmailDeliveryPageDto,
  QueueListDto,
  QueueStateDto,
} from './queues-admin.dto';

const DELIVERIES_SCOPE = 'core:admin:email-deliveries';
const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/** Operations of core's queues and email deliveries (its tables), for admins, in both modes. */
@ApiTags('system')
@RequireRoles('admin')
@Controller('admin')
export class QueuesAdminController {
  constructor(
    private readonly queues: QueueRegistry,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly mail: MailService,
    private readonly cursors: KeysetCursors,
  ) {}

  @Get('queues')
  @ApiOperation({
    summary: 'Jobs per state of every queue (BullMQ in full mode, in-process in embedded mode)',
  })
  @ApiOkResponse({ type: QueueListDto })
  @ApiProblems(401, 403)
  async list(): Promise<QueueListDto> {
    const queues: QueueStateDto[] = [];
    for (const name of this.queues.names().sort()) {
      const raw = this.queues.raw(name)!;
      const counts = await raw.counts();
      const oldest = (await raw.oldestWaitingMs?.()) ?? null;
      queues.push({
        name,
        backend: raw instanceof InProcessQueue ? 'in-process' : 'bullmq',
        counts: Object.fromEntries(
          STATES.map((s) => [s, counts[s] ?? 0]),
        ) as unknown as QueueStateDto['counts'],
        oldestWaitingSeconds: oldest === null ? null : oldest / 1000,
      });
    }
    return { queues };
  }

  @Get('notifications/deliveries')
  @ApiOperation({
    summary: 'Email deliveries, most recently changed first (keyset pagination; filter by status)',
    description: '`status=dead`: the emails that used up their attempts, to inspect and retry.',
  })
  @ApiOkResponse({ type: EmailDeliveryPageDto })
  @ApiProblems(400, 401, 403)
  async deliveriesPage(@Query() query: DeliveriesQueryDto): Promise<EmailDeliveryPageDto> {
    const limit = query.limit ?? 20;
    const scope = `${DELIVERIES_SCOPE}:${query.status ?? 'all'}`;
    const after = this.cursors.decode(scope, query.cursor);
    const rows = await this.deliveries.page(query.status, limit, after);
    const page = this.cursors.page(scope, rows, limit, (d) => ({ at: d.position, id: d.id }));
    return { items: page.items.map(toDto), nextCursor: page.nextCursor };
  }

  @Post('notifications/deliveries/:id/retry')
  @HttpCode(202)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Send a dead (or failed) email again, with a fresh set of attempts',
    description: 'The delivery goes back to `queued`; 409 when it is sent, queued or being sent.',
  })
  @ApiAcceptedResponse({ type: EmailDeliveryDto, description: 'Queued for delivery again' })
  @ApiProblems(400, 401, 403, 404, 409)
  async retry(@Param('id', new ParseUUIDPipe()) id: string): Promise<EmailDeliveryDto> {
    const requeued = await this.mail.retry(id);
    if (requeued) return toDto(requeued);
    const existing = await this.deliveries.findById(id);
    if (!existing) {
      throw new ProblemException({
        status: 404,
        type: 'delivery-not-found',
        title: 'Email delivery not found',
      });
    }
    throw new ProblemException({
      status: 409,
      type: 'delivery-not-retryable',
      title: 'Only dead or failed deliveries can be retried',
      detail: `This delivery is ${existing.status}.`,
    });
  }
}

function toDto(d: EmailDelivery): EmailDeliveryDto {
  return {
    id: d.id,
    to: d.to,
    template: d.template,
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: d.sentAt ? new Date(d.sentAt).toISOString() : null,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}
