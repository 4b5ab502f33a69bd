import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors[]` lists each field',
  401: 'Missing, invalid, expired or revoked credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found',
  409: 'Conflicts with existing data',
  429: 'Too many attempts; see `Retry-After`',
};

const EXAMPLES: Record<number, object> = {
  400: {
    type: 'https://nexus.dev/problems/validation',
    title: 'Validation Failed',
    status: 400,
    detail: 'One or more fields are invalid.',
    errors: [{ field: 'email', messages: ['email must be an email'] }],
  },
  401: { type: 'https://nexus.dev/problems/unauthorized', title: 'Unauthorized', status: 401, detail: 'Invalid or expired access token.' },
  403: { type: 'https://nexus.dev/problems/forbidden', title: 'Forbidden', status: 403 },
  404: { type: 'https://nexus.dev/problems/not-found', title: 'Not Found', status: 404 },
  409: { type: 'https://nexus.dev/problems/username-taken', title: 'Username already taken', status: 409 },
  429: {
    type: 'https://nexus.dev/problems/too-many-attempts',
    title: 'Too many failed attempts',
    status: 429,
    detail: 'Try again in 60 seconds.',
  },
};

/** Documents RFC 9457 error responses (application/problem+json) for the given statuses. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: {
          'application/problem+json': {
            schema: {
              type: 'object',
              properties: {
                type: { type: 'string' },
                title: { type: 'string' },
                status: { type: 'integer' },
                detail: { type: 'string' },
                instance: { type: 'string' },
                requestId: { type: 'string' },
                errors: {
                  type: 'array',
                  items: { type: 'object', properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } },
                },
              },
            },
            example: EXAMPLES[status],
          },
        },
      }),
    ),
  );
}
