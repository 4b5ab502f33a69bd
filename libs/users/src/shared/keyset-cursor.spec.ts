import { ProblemException } from '@nexus/core';
import { decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursor', () => {
  it('round-trips a position', () => {
    const position = { at: '2026-01-01T12:00:00.123456Z', id: '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['garbage', 'bm9wZQ'],
    ['a bad date', Buffer.from('yesterday|0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f').toString('base64url')],
    ['a bad id', Buffer.from("2026-01-01T12:00:00Z|1' OR '1'='1").toString('base64url')],
    ['extra parts', Buffer.from('2026-01-01T12:00:00Z|0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f|x').toString('base64url')],
  ])('rejects %s with a 400 problem', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ProblemException);
  });
});
