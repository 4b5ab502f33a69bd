import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '../errors/problem.exception';
import { UUID_PATTERN } from '../validation/validators';

/** A keyset position: the sort timestamp, the id that breaks ties, and an optional score. */
export interface KeysetPosition {
  /** ISO 8601 UTC timestamp with up to microseconds, exactly as the row holds it. */
  at: string;
  id: string;
  /** Ranking value for orderings that sort by something other than time (likes, ts_rank). */
  score?: number;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
/** The longest cursor accepted (issued ones are about 150 characters, with a score). */
export const KEYSET_CURSOR_MAX_LENGTH = 300;
const MAC_BYTES = 16;

/** SQL `to_char` format giving timestamps to the microsecond, as `KeysetPosition.at` expects. */
export const ISO_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

export function invalidCursor(): ProblemException {
  return new ProblemException({
    status: 400,
    type: 'invalid-cursor',
    title: 'Invalid cursor',
    detail:
      'The cursor is malformed or belongs to a different listing; use a nextCursor value as returned.',
    errors: [{ field: 'cursor', messages: ['cursor is invalid'] }],
  });
}

/**
 * The one keyset-pagination cursor codec: `base64url(JSON [at, id, score?]) "." MAC`. The MAC
 * (HMAC-SHA256 keyed from the JWT secret, truncated to 128 bits) covers the listing's `scope`
 * as well as the position, so a client can neither forge a position nor reuse a cursor on
 * another listing or ordering: anything not issued by this deployment for this scope is a 400.
 * Cursors stay valid across instances and restarts as long as the secret does.
 */
export class KeysetCursors {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('nexus keyset cursor').digest();
  }

  encode(scope: string, position: KeysetPosition): string {
    const tuple =
      position.score === undefined
        ? [position.at, position.id]
        : [position.at, position.id, position.score];
    const body = Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
    return `${body}.${this.mac(scope, body).toString('base64url')}`;
  }

  /**
   * A page from the rows of a query that asked for `limit + 1`: the first `limit` rows, and the
   * cursor of the last one shown when the extra row says there is more.
   */
  page<T>(
    scope: string,
    rows: readonly T[],
    limit: number,
    positionOf: (row: T) => KeysetPosition,
  ): { items: T[]; nextCursor: string | null } {
    const items = rows.slice(0, limit);
    const more = rows.length > limit && items.length > 0;
    return {
      items,
      nextCursor: more ? this.encode(scope, positionOf(items[items.length - 1])) : null,
    };
  }

  /**
   * The position a client-supplied cursor stands for; `undefined` for no cursor. `withScore`
   * says whether this listing's cursors carry a score. Anything else is a 400 problem.
   */
  decode(
    scope: string,
    raw: string | undefined,
    opts: { withScore?: boolean } = {},
  ): KeysetPosition | undefined {
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw !== 'string' || raw.length > KEYSET_CURSOR_MAX_LENGTH) throw invalidCursor();
    const dot = raw.indexOf('.');
    const body = raw.slice(0, dot);
    const mac = raw.slice(dot + 1);
    if (dot < 1 || !/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(mac))
      throw invalidCursor();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(scope, body)))
      throw invalidCursor();
    let tuple: unknown;
    try {
      tuple = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
    // Signed by us, but checked anyway: a cursor may outlive a change of its shape.
    const withScore = opts.withScore ?? false;
    if (!Array.isArray(tuple) || tuple.length !== (withScore ? 3 : 2)) throw invalidCursor();
    const [at, id, score] = tuple as unknown[];
    if (typeof at !== 'string' || !ISO_UTC.test(at) || Number.isNaN(Date.parse(at)))
      throw invalidCursor();
    if (typeof id !== 'string' || !UUID_PATTERN.test(id)) throw invalidCursor();
    if (withScore && (typeof score !== 'number' || !Number.isFinite(score))) throw invalidCursor();
    return withScore ? { at, id, score: score as number } : { at, id };
  }

  private mac(scope: string, body: string): Buffer {
    return createHmac('sha256', this.key)
      .update(scope)
      .update('\0')
      .update(body)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}
