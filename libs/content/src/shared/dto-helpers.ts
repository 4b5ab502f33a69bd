import { Transform } from 'class-transformer';

/** Trims strings; other values pass through for the validators to reject. */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Query strings arrive as text: numeric text becomes a number, anything else stays for @IsInt to reject. */
export const ToInt = () =>
  Transform(({ value }) =>
    typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value,
  );

/** No NUL bytes or other C0 controls except tab/newline: PostgreSQL rejects NUL in text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/;
