import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { toProblem } from '../errors/to-problem';
import { errorText } from '../util/error-text';
import type { GraphqlContext } from './graphql-context';

/** The stable `extensions.code` values of Nexus' GraphQL errors (docs/api.md#graphql). */
export const GraphqlErrorCode = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  badUserInput: 'BAD_USER_INPUT',
  rateLimited: 'RATE_LIMITED',
  notFound: 'NOT_FOUND',
  internal: 'INTERNAL',
} as const;
export type GraphqlErrorCode = (typeof GraphqlErrorCode)[keyof typeof GraphqlErrorCode];

const CODES = new Set<string>(Object.values(GraphqlErrorCode));

/** The code of a REST status: the same problem answers the same way on both APIs. */
export function codeOfStatus(status: number): GraphqlErrorCode {
  if (status === 401) return GraphqlErrorCode.unauthenticated;
  if (status === 403) return GraphqlErrorCode.forbidden;
  if (status === 404) return GraphqlErrorCode.notFound;
  if (status === 429) return GraphqlErrorCode.rateLimited;
  if (status >= 500) return GraphqlErrorCode.internal;
  return GraphqlErrorCode.badUserInput;
}

/** A request-level refusal (limits, disabled features) with its code. */
export function graphqlRefusal(
  message: string,
  code: GraphqlErrorCode,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

interface ExecutionLike {
  data?: unknown;
  errors?: readonly GraphQLError[];
}

interface Formatted {
  error: GraphQLFormattedError;
  /** HTTP status the error would have on REST; undefined for errors inside execution. */
  status?: number;
}

/**
 * mercurius' `errorFormatter`: every error leaves with a stable `extensions.code`, problems
 * thrown by services keep their REST `type`, `status` and field `errors`, and nothing internal
 * (stack, SQL, message of an unexpected error) reaches the client — unexpected errors are logged
 * with the request id instead. Errors raised while executing a field answer 200 (the data is
 * partial, GraphQL over HTTP); a request refused as a whole answers its 4xx.
 */
export function createGraphqlErrorFormatter(logger = new Logger('GraphQL')) {
  return (execution: ExecutionLike, context: Partial<GraphqlContext> | undefined) => {
    const requestId = context?.req?.id ?? context?.reply?.request?.id;
    const formatted = (execution.errors ?? [])
      .flatMap((e) => expand(e))
      .map((e) => formatOne(e, requestId, logger));
    const inExecution = formatted.some((f) => f.error.path !== undefined);
    const statuses = formatted.map((f) => f.status ?? 400);
    const statusCode =
      execution.data || inExecution || formatted.length === 0 ? 200 : Math.max(...statuses);
    // The answer stays 200 when some fields ran; a client that reads only headers still learns
    // how long to wait before retrying what was refused (the longest wait of its errors).
    const waits = formatted
      .filter((f) => f.error.extensions?.code === GraphqlErrorCode.rateLimited)
      .map((f) => Number(f.error.extensions?.retryAfterSeconds))
      .filter((n) => n > 0);
    if (waits.length && context?.reply && !context.reply.sent) {
      context.reply.header('retry-after', String(Math.max(...waits)));
    }
    return {
      statusCode,
      response: { data: execution.data ?? null, errors: formatted.map((f) => f.error) },
    };
  };
}

/**
 * mercurius wraps parse, validation and method errors in one error whose `errors` holds them;
 * they are refusals of the request (the wrapper's status, 400 for validation).
 */
function expand(error: GraphQLError): GraphQLError[] {
  const outer = error.originalError as
    { errors?: unknown; statusCode?: unknown; code?: unknown } | undefined;
  const inner = outer?.errors;
  const wrapper = typeof outer?.code === 'string' && outer.code.startsWith('MER_ERR_');
  if (!wrapper || !Array.isArray(inner) || inner.length === 0) return [error];
  const status = typeof outer?.statusCode === 'number' ? outer.statusCode : 400;
  return inner.map((e: unknown) =>
    e instanceof GraphQLError
      ? e
      : new GraphQLError(errorText(e), {
          extensions: { status },
        }),
  );
}

function formatOne(
  error: GraphQLError,
  requestId: string | undefined,
  logger: Pick<Logger, 'error'>,
): Formatted {
  const base = {
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
  const own = error.extensions?.code;
  const original = error.originalError;
  // Errors of the GraphQL layer itself (syntax, validation, variables, our limits).
  if (!original || original instanceof GraphQLError) {
    const code = typeof own === 'string' && CODES.has(own) ? own : GraphqlErrorCode.badUserInput;
    const status = typeof error.extensions?.status === 'number' ? error.extensions.status : 400;
    return {
      error: { message: error.message, ...base, extensions: { ...error.extensions, code } },
      status: code === GraphqlErrorCode.internal ? 500 : status,
    };
  }
  // Anything thrown below: services' problems, Nest's HTTP errors, Fastify's 4xx, the unexpected.
  const problem = toProblem(original, undefined, requestId);
  if (problem.unexpected) {
    logger.error({ err: original, requestId, path: error.path }, 'Unhandled GraphQL error');
  }
  const body = problem.body as unknown as Record<string, unknown>;
  const { type, title, status, detail, errors, instance: _i, requestId: _r, ...rest } = body;
  const code = codeOfStatus(problem.status);
  // A field has no headers of its own: the REST answer's Retry-After travels in the extensions.
  const retryAfter = Number(problem.headers?.['retry-after']);
  if (rest.retryAfterSeconds === undefined && retryAfter > 0) rest.retryAfterSeconds = retryAfter;
  const message =
    code === GraphqlErrorCode.internal
      ? 'Internal server error. Quote the request id when reporting it.'
      : String(detail ?? title);
  return {
    error: {
      message,
      ...base,
      extensions: {
        code,
        status,
        type,
        ...(errors ? { errors } : {}),
        ...(code === GraphqlErrorCode.internal ? { requestId } : rest),
      },
    },
    status: problem.status,
  };
}
