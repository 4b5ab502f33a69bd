import { ProblemException } from '@nexus/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Position after the last row of a page; which fields are set depends on the ordering. */
export interface CursorPosition {
  /** The ordering the cursor belongs to: a cursor is only valid for the same ordering. */
  sort: 'recent' | 'top' | 'rank' | 'thread';
  /** ISO timestamp (published_at, or created_at for comment threads). */
  at: string;
  id: string;
  /** `top`: likes in the window; `rank`: ts_rank of the search. */
  score?: number;
}

/** Opaque keyset cursor: base64url of a compact JSON tuple. Clients must not build them. */
export function encodeCursor(p: CursorPosition): string {
  const tuple = p.score === undefined ? [p.sort, p.at, p.id] : [p.sort, p.at, p.id, p.score];
  return Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
}

function invalid(): ProblemException {
  return new ProblemException({
    status: 400,
    type: 'invalid-cursor',
    title: 'Invalid cursor',
    detail:
      'The cursor is malformed or belongs to a different ordering; use a nextCursor value as returned.',
  });
}

/** Decodes a cursor for the given ordering; anything else is a 400 problem. */
export function decodeCursor(raw: string, sort: CursorPosition['sort']): CursorPosition {
  if (raw.length > 300 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalid();
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(tuple) || tuple.length < 3 || tuple.length > 4) throw invalid();
  const [s, at, id, score] = tuple as unknown[];
  if (s !== sort || typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id))
    throw invalid();
  const time = new Date(at);
  if (Number.isNaN(time.getTime()) || time.toISOString() !== at) throw invalid();
  const needsScore = sort === 'top' || sort === 'rank';
  if (needsScore !== (tuple.length === 4)) throw invalid();
  if (needsScore && (typeof score !== 'number' || !Number.isFinite(score) || score < 0))
    throw invalid();
  return { sort, at, id, score: needsScore ? (score as number) : undefined };
}
