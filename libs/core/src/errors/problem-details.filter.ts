import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseFaults } from './dependency-errors';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { toProblem } from './to-problem';

/** Global filter: every error leaves the process as application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger);
  }
}

const DATABASE_UNAVAILABLE = problemType('database-unavailable');

/** Shared by the Nest filter and Fastify's own error and not-found handlers. */
export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'> & Partial<Pick<Logger, 'warn'>>,
): void {
  const problem = toProblem(exception, request.url.split('?')[0], String(request.id));
  if (problem.unexpected) {
    logger.error(
      { err: exception, requestId: request.id, route: request.routeOptions?.url },
      'Unhandled error',
    );
  } else if (problem.body.type === DATABASE_UNAVAILABLE) {
    databaseFaults.unavailable++;
    logger.warn?.(
      {
        requestId: request.id,
        route: request.routeOptions?.url,
        reason: (exception as Error)?.message,
      },
      'database unavailable: 503',
    );
  }
  if (reply.sent) return;
  if (problem.headers) reply.headers(problem.headers);
  reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem.body);
}
