import { ProblemException } from '@nexus/core';
import { decodeCursor, encodeCursor } from './cursor';

const ID = '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c';

describe('keyset cursor', () => {
  it('round-trips each ordering', () => {
    const at = '2026-11-20T08:15:00.123Z';
    expect(decodeCursor(encodeCursor({ sort: 'recent', at, id: ID }), 'recent')).toEqual({
      sort: 'recent',
      at,
      id: ID,
    });
    expect(
      decodeCursor(encodeCursor({ sort: 'rank', at, id: ID, score: 0.0607927 }), 'rank').score,
    ).toBe(0.0607927);
    expect(decodeCursor(encodeCursor({ sort: 'top', at, id: ID, score: 3 }), 'top').score).toBe(3);
  });

  const raw = (tuple: unknown) => Buffer.from(JSON.stringify(tuple)).toString('base64url');
  const AT = '2026-01-01T00:00:00.000Z';

  it.each([
    ['garbage', 'not a cursor!', 'recent'],
    ['non-JSON base64', Buffer.from('hello').toString('base64url'), 'recent'],
    ['an object', raw({ a: 1 }), 'recent'],
    ['a bad uuid', raw(['recent', AT, 'x']), 'recent'],
    ['a non-canonical date', raw(['recent', '2026-01-01', ID]), 'recent'],
    ['another ordering', encodeCursor({ sort: 'top', at: AT, id: ID, score: 1 }), 'recent'],
    ['a missing score', raw(['rank', AT, ID]), 'rank'],
    ['a negative score', raw(['top', AT, ID, -1]), 'top'],
    ['an over-long value', 'a'.repeat(301), 'recent'],
  ] as const)('rejects %s with a 400 problem', (_, cursor, sort) => {
    expect(() => decodeCursor(cursor, sort)).toThrow(ProblemException);
    try {
      decodeCursor(cursor, sort);
    } catch (e) {
      expect((e as ProblemException).getStatus()).toBe(400);
    }
  });
});
