import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'limit' })
  field: string;

  @ApiProperty({ example: ['limit must not be greater than 100'] })
  messages: string[];
}

/** RFC 9457 problem document (what every error of the API looks like). */
export class ProblemDto {
  @ApiProperty({ example: 'https://nexus.dev/problems/validation' })
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
  400: 'Invalid input (validation problem with errors[], or invalid cursor)',
  401: 'Missing, invalid or expired access token',
  403: 'Authenticated but not allowed',
  404: 'Not found (drafts of others answer 404 too)',
  409: 'Conflict with the current state',
};

/** Documents the problem+json answers of an operation. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      status === 304
        ? ApiResponse({ status, description: DESCRIPTIONS[status] })
        : ApiResponse({
            status,
            description: DESCRIPTIONS[status] ?? 'Error',
            content: {
              'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } },
            },
          }),
    ),
  );
}
