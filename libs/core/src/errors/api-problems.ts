import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { defaultSlug, defaultTitle, problemType } from './problem';

class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ example: ['email must be an email'] })
  messages: string[];
}

/** RFC 9457 problem document: what every error of the API looks like. */
export class ProblemDto {
  @ApiProperty({ example: problemType('validation') })
  type: string;

  @ApiProperty({ example: 'Validation Failed' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'One or more fields are invalid.' })
  detail?: string;

  @ApiPropertyOptional({ example: '/api/v1/articles' })
  instance?: string;

  @ApiPropertyOptional({ example: '3f2b6c1e-8d0a-4d8f-9d55-3f3b8f7d2e11' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  304: 'Not modified (If-None-Match matched the ETag)',
  400: 'Invalid input: `errors[]` lists each field (or an invalid cursor)',
  401: 'Missing, invalid, expired or revoked credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'The body is not `application/json`',
  422: 'Well-formed but not allowed in this state',
  429: 'Too many requests; see `Retry-After`',
  503: 'A dependency is unavailable; see `Retry-After`',
};

const EXAMPLES: Record<number, object> = {
  400: {
    type: problemType('validation'),
    title: 'Validation Failed',
    status: 400,
    detail: 'One or more fields are invalid.',
    errors: [{ field: 'email', messages: ['email must be an email'] }],
  },
  401: {
    type: problemType('unauthorized'),
    title: 'Unauthorized',
    status: 401,
    detail: 'The access token is invalid or expired.',
  },
  403: { type: problemType('forbidden'), title: 'Forbidden', status: 403 },
  404: { type: problemType('not-found'), title: 'Not Found', status: 404 },
  409: { type: problemType('conflict'), title: 'Conflict', status: 409 },
  429: {
    type: problemType('too-many-requests'),
    title: 'Too Many Requests',
    status: 429,
    detail: 'Try again in 60 seconds.',
  },
};

/** The OpenAPI response of one error status: the one problem schema, with an example. */
export function problemResponse(status: number) {
  if (status === 304) return { description: DESCRIPTIONS[status] };
  return {
    description: DESCRIPTIONS[status] ?? 'Error',
    content: {
      'application/problem+json': {
        schema: { $ref: getSchemaPath(ProblemDto) },
        example: EXAMPLES[status] ?? {
          type: problemType(defaultSlug(status)),
          title: defaultTitle(status),
          status,
        },
      },
    },
  };
}

/** Documents the `application/problem+json` answers an operation can give, by status. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}
