import { HttpException } from '@nestjs/common';
import { ProblemDocument, defaultSlug, defaultTitle, problemType } from './problem';
import { ProblemException } from './problem.exception';
import { DEPENDENCY_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './dependency-errors';

export interface ProblemResponse {
  status: number;
  body: ProblemDocument;
  headers?: Record<string, string>;
  /** True when the error was not expected (5xx): log it with its stack. */
  unexpected: boolean;
}

/** Fastify's own errors (body parsing, content type, size) carry a 4xx `statusCode` and a code. */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type; send application/json.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is larger than the allowed limit.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Body cannot be empty when Content-Type is application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body.',
  FST_ERR_CTP_EMPTY_TYPE: 'Content-Type header is empty.',
  FST_ERR_CTP_INVALID_TYPE: 'Content-Type header is invalid.',
  FST_ERR_BAD_URL: 'The URL is not validly percent-encoded.',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is longer than allowed.',
  HPE_HEADER_OVERFLOW: 'The request line and headers are larger than allowed.',
  ERR_HTTP_REQUEST_TIMEOUT: 'The request was not received in time.',
};

/** Maps any thrown value to an RFC 9457 problem; never leaks a stack or internal message. */
export function toProblem(error: unknown, instance?: string, requestId?: string): ProblemResponse {
  let status = 500;
  let body: ProblemDocument;
  let headers: Record<string, string> | undefined;

  if (error instanceof ProblemException) {
    status = error.getStatus();
    body = {
      type: error.problemType,
      title: error.title,
      status,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extensions,
    };
    headers = error.headers;
  } else if (error instanceof HttpException) {
    status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : ((response as { message?: string }).message ?? error.message);
    body = {
      type: problemType(defaultSlug(status)),
      title: defaultTitle(status),
      status,
      ...(status < 500 && message && message !== defaultTitle(status) ? { detail: message } : {}),
    };
  } else if (isClientFastifyError(error)) {
    // Fastify's own 4xx errors (parsing, size, media type) have safe, useful messages.
    status = error.statusCode!;
    const code = error.code ?? '';
    body = {
      type: problemType(
        code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'malformed-body' : defaultSlug(status),
      ),
      title: defaultTitle(status),
      status,
      detail: FASTIFY_DETAILS[code] ?? error.message ?? defaultTitle(status),
    };
  } else if (isDatabaseUnavailable(error)) {
    // A paused, overloaded or unreachable database is a temporary condition of the service.
    status = 503;
    body = {
      type: problemType('database-unavailable'),
      title: 'Service Unavailable',
      status,
      detail: 'The database is unavailable or too slow right now. Try again shortly.',
    };
    headers = { 'retry-after': String(DEPENDENCY_RETRY_AFTER_SECONDS) };
    return finish({ status, body, headers, unexpected: false }, instance, requestId);
  } else {
    body = {
      type: problemType('internal-error'),
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
    };
  }

  return finish({ status, body, headers, unexpected: status >= 500 }, instance, requestId);
}

function finish(problem: ProblemResponse, instance?: string, requestId?: string): ProblemResponse {
  if (instance) problem.body.instance = instance;
  if (requestId) problem.body.requestId = requestId;
  return problem;
}

function isClientFastifyError(error: unknown): error is FastifyLikeError & Error {
  const e = error as FastifyLikeError | undefined;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500
  );
}
