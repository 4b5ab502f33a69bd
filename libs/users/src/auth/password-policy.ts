import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
/** Argon2 takes any length, but a cap keeps a megabyte "password" from being a cheap DoS. */
export const PASSWORD_MAX_LENGTH = 128;

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(
  password: string,
  related: { email?: unknown; username?: unknown } = {},
): string | undefined {
  if (typeof password !== 'string') return 'password must be a string';
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_LENGTH)
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (chars > PASSWORD_MAX_LENGTH)
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'password is too common';
  if (new Set(lower).size < 4) return 'password is too repetitive';
  const username = typeof related.username === 'string' ? related.username.toLowerCase() : '';
  const local = typeof related.email === 'string' ? related.email.toLowerCase().split('@')[0] : '';
  for (const part of [username, local]) {
    if (part.length >= 3 && lower.includes(part))
      return 'password must not contain your username or email';
  }
  return undefined;
}

/**
 * Validates a new password (length, common-password list, not built from the username or email
 * found on the same DTO). The message says which rule failed.
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          passwordProblem(value as string, args.object as Record<string, unknown>) === undefined,
        defaultMessage: (args: ValidationArguments) =>
          passwordProblem(args.value as string, args.object as Record<string, unknown>) ??
          'password is not acceptable',
      },
    });
  };
}
