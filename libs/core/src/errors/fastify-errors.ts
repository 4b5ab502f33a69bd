import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { sendProblem } from './problem-details.filter';
import { toProblem } from './to-problem';

const logger = new Logger('Errors');

/**
 * Fastify's `frameworkErrors`: URLs the router refuses before any hook runs (bad percent-encoding,
 * an over-long path parameter) answer problem+json like every other error.
 */
export function sendFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.header('x-request-id', request.id);
  sendProblem(error, request, reply, logger);
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses (headers or request line too
 * large, not HTTP at all, too slow) never become a request; the answer is written on the socket.
 */
export function sendClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 408
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : 400;
  if (socket.writable) {
    const { body } = toProblem(
      Object.assign(new Error(STATUS_CODES[status]), { statusCode: status, code: error.code }),
    );
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        text,
    );
  }
  socket.destroy(error);
}
