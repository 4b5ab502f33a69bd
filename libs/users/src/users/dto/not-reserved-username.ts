import { registerDecorator, ValidationOptions } from 'class-validator';
import { RESERVED_USERNAMES } from '../usernames';

/** Rejects usernames that shadow routes or impersonate the platform. */
export function NotReservedUsername(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'notReservedUsername',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'username is reserved', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !RESERVED_USERNAMES.has(value.toLowerCase()),
      },
    });
  };
}
