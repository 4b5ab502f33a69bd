import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  buildMessage,
  IsISO8601,
  IsString,
  Matches,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';

/** A UUID in canonical text form (any version): ids in paths, bodies and cursors. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_PATTERN.test(value);

/** URL slugs as Nexus issues them: lower-case ASCII letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9-]{1,120}$/;

/**
 * Calendar dates and date-times only (years 1000–9999): ISO 8601 also allows week dates and bare
 * years, which PostgreSQL cannot parse.
 */
export const DATE_OR_DATE_TIME =
  /^[1-9]\d{3}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A query or body bound in time: a real calendar date (`YYYY-MM-DD`) or date-time, strict ISO
 * 8601, in a form PostgreSQL parses.
 */
export const IsDateOrDateTime = () =>
  applyDecorators(
    IsString(),
    IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or date-time' }),
    Matches(DATE_OR_DATE_TIME, { message: '$property must be a date (YYYY-MM-DD) or date-time' }),
  );

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

/**
 * Text no string input may contain, whatever the field: C0 controls except tab/LF/CR, DEL, C1
 * controls (PostgreSQL rejects NUL; the rest forge terminal and log output) and unpaired
 * surrogates (not encodable as UTF-8; `isEmail` throws on them).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/**
 * What a single-line human name (display name, username) may not contain on top of UNSAFE_TEXT:
 * line breaks and tabs, bidi controls, zero-width characters and the BOM — the tools of name
 * spoofing (`\u202e` reverses what follows). ANSI escapes start with ESC or CSI, both controls.
 */
export const MULTI_LINE_OR_INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\p{Cs}/u;

/** The largest nesting of a JSON body (objects and arrays); the DTOs need a handful of levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * Dotted paths of every string (value or key) in `value` that contains UNSAFE_TEXT; `root` names
 * `value` itself (a single query or path parameter). Walks at most `maxDepth` levels.
 */
export function findUnsafeText(value: unknown, root = '', maxDepth = MAX_JSON_DEPTH): string[] {
  const found: string[] = [];
  const visit = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (UNSAFE_TEXT.test(v)) found.push(path);
      return;
    }
    if (v === null || typeof v !== 'object' || depth > maxDepth) return;
    const entries = Array.isArray(v)
      ? v.map((item, i) => [String(i), item] as const)
      : Object.entries(v);
    for (const [key, item] of entries) {
      const child = path ? `${path}.${key}` : key;
      if (UNSAFE_TEXT.test(key)) found.push(child);
      else visit(item, child, depth + 1);
    }
  };
  visit(value, root, 0);
  return found;
}

/**
 * A single-line human name: no line breaks, tabs, controls, bidi or zero-width characters.
 * Non-strings pass, for `@IsString()` to report.
 */
export const SingleLineText = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'singleLineText',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !MULTI_LINE_OR_INVISIBLE.test(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a single line without control, bidi or zero-width characters`,
        ),
      },
    },
    options,
  );
