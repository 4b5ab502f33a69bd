import { ProblemException } from '@nexus/core';

/** A keyset position: the sort timestamp and the id that breaks ties. */
export interface KeysetPosition {
  at: string;
  id: string;
}

/** Opaque to clients: base64url of `<ISO time>|<uuid>`. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at}|${position.id}`).toString('base64url');
}

/** Decodes a client-supplied cursor; anything malformed is a 400, never a query error. */
export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (!cursor) return undefined;
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    extra !== undefined ||
    !at ||
    !id ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) ||
    Number.isNaN(Date.parse(at)) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  ) {
    throw new ProblemException({
      status: 400,
      type: 'validation',
      title: 'Validation Failed',
      detail: 'One or more fields are invalid.',
      errors: [{ field: 'cursor', messages: ['cursor is malformed'] }],
    });
  }
  return { at, id };
}

/** Timestamps to microseconds, so a keyset comparison sees exactly what the row holds. */
export const ISO_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
