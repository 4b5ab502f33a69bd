import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** The global ValidationPipe: whitelist, reject unknown fields, transform, problem+json errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemException({
        status: 400,
        type: 'validation',
        title: 'Validation Failed',
        detail: 'One or more fields are invalid.',
        errors: flattenValidationErrors(errors),
      }),
  });
}
