import { Transform } from 'class-transformer';

/** A UUID in canonical text form (any version): ids in paths, bodies and cursors. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_PATTERN.test(value);

/** URL slugs as Nexus issues them: lower-case ASCII letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9-]{1,120}$/;

/** No NUL bytes or other C0 controls except tab/newline: PostgreSQL rejects NUL in text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/;

/** DTO transform: trims strings; other values pass through for the validators to reject. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** DTO transform: trims and lower-cases strings (emails, usernames, tags). */
export const TrimLower = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/**
 * DTO transform for query strings, which arrive as text: numeric text becomes a number, anything
 * else stays for `@IsInt` to reject.
 */
export const ToInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value,
  );
