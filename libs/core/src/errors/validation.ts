import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { findUnsafeText } from '../validation/validators';
import { FieldError } from './problem';
import { ProblemException } from './problem.exception';

/** Flattens class-validator errors into `errors[]` entries with dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      const messages = Object.values(e.constraints);
      // forbidNonWhitelisted reports unknown fields through the same channel.
      out.push({ field, messages });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** The 400 the validation pipe answers, for rules checked in a service (one or more fields). */
export const validationProblem = (errors: FieldError[]) =>
  new ProblemException({
    status: 400,
    type: 'validation',
    title: 'Validation Failed',
    detail: 'One or more fields are invalid.',
    errors,
  });

/** A 400 naming one field, in the same shape as the validation pipe's answers. */
export const fieldProblem = (field: string, message: string) =>
  validationProblem([{ field, messages: [message] }]);

/**
 * The global validation step. Before class-validator sees a body, query or path parameter, every
 * string in it (values and keys, at any depth, whatever the DTO says) is checked for control
 * characters and unpaired surrogates: they never reach a validator (`isEmail` throws on a lone
 * surrogate) nor PostgreSQL (which rejects NUL). Tab, CR and LF stay allowed here; single-line
 * fields refuse them with `@SingleLineText()`.
 */
export class SafeTextValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const fields = findUnsafeText(value, metadata.data ?? '');
      if (fields.length) {
        return Promise.reject(
          validationProblem(
            fields.map((field) => ({
              field,
              messages: [
                `${field || metadata.type} must not contain control characters or unpaired surrogates`,
              ],
            })),
          ),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

/** The global ValidationPipe: whitelist, reject unknown fields, transform, problem+json errors. */
export function createValidationPipe(): ValidationPipe {
  return new SafeTextValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
  });
}
