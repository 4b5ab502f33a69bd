/**
 * Encoders for PostgreSQL's `COPY … FROM` text format and for array literals, written by hand for
 * the request log's batches: pg's own parameter encoding (`prepareValue`, `escapeElement`, two
 * regular-expression replacements per array element) was a measurable share of the api's CPU per
 * logged request (docs/benchmarks.md).
 */

/** `\N`: NULL in COPY's text format. */
export const COPY_NULL = '\\N';

const COPY_SPECIAL = /[\\\t\n\r\0]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r\0]/g;
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  // A text value cannot hold NUL in PostgreSQL; dropped rather than failing the whole batch.
  '\0': '',
};

/** A text value as a COPY text-format field: backslash, tab, newline and CR escaped. */
export function copyText(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c]) : value;
}

const ARRAY_SPECIAL = /["\\\0]/;
const ARRAY_SPECIAL_ALL = /["\\\0]/g;

/** A text value as a quoted array-literal element (`"…"`, with `"` and `\` escaped). */
export function arrayText(value: string): string {
  return ARRAY_SPECIAL.test(value)
    ? `"${value.replace(ARRAY_SPECIAL_ALL, (c) => (c === '\0' ? '' : `\\${c}`))}"`
    : `"${value}"`;
}

/**
 * Epoch milliseconds as ISO 8601 UTC text (`2026-12-01T12:00:00.123Z`), which both COPY and array
 * literals accept for `timestamptz`. Rows of a batch arrive in time order, so the text of the
 * second is kept and only the milliseconds are formatted per row (`toISOString` per row cost more
 * than the rest of the row's encoding).
 */
export class IsoMillis {
  private second = NaN;
  private prefix = '';

  text(ms: number): string {
    const t = Math.floor(ms);
    const second = Math.floor(t / 1000);
    if (second !== this.second) {
      this.second = second;
      // 'YYYY-MM-DDTHH:MM:SS.' (throws a RangeError on an invalid time, as toISOString does)
      this.prefix = new Date(second * 1000).toISOString().slice(0, -4);
    }
    const milli = t - second * 1000;
    return `${this.prefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  }
}
