import { ProblemException } from '../errors/problem.exception';
import { KeysetCursors } from './keyset-cursors';

const ID = '6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2c';
const AT = '2026-11-20T08:15:00.123456Z';

describe('KeysetCursors', () => {
  const cursors = new KeysetCursors('a-test-secret-of-sufficient-length-000000');

  it('round-trips positions with and without a score', () => {
    expect(cursors.decode('follows', cursors.encode('follows', { at: AT, id: ID }))).toEqual({
      at: AT,
      id: ID,
    });
    const ranked = cursors.encode('articles:rank', { at: AT, id: ID, score: 0.0607927 });
    expect(cursors.decode('articles:rank', ranked, { withScore: true })).toEqual({
      at: AT,
      id: ID,
      score: 0.0607927,
    });
    expect(cursors.decode('follows', undefined)).toBeUndefined();
    expect(cursors.decode('follows', '')).toBeUndefined();
  });

  it('is deterministic (cached pages keep the same next cursor)', () => {
    expect(cursors.encode('s', { at: AT, id: ID })).toBe(cursors.encode('s', { at: AT, id: ID }));
  });

  const valid = cursors.encode('follows', { at: AT, id: ID });
  const [body] = valid.split('.');
  const forged = (tuple: unknown) => {
    const b = Buffer.from(JSON.stringify(tuple)).toString('base64url');
    return `${b}.${valid.split('.')[1]}`;
  };

  it.each([
    ['garbage', 'not a cursor!'],
    ['no MAC', body],
    ['a forged position with a copied MAC', forged([AT, '00000000-0000-4000-8000-000000000000'])],
    ['a truncated MAC', valid.slice(0, -3)],
    ['an over-long value', 'a'.repeat(301)],
    [
      'a cursor of another deployment',
      new KeysetCursors('another-secret-0000000000000000000').encode('follows', { at: AT, id: ID }),
    ],
  ])('rejects %s with a 400 problem', (_, cursor) => {
    expect(() => cursors.decode('follows', cursor)).toThrow(ProblemException);
  });

  it('rejects a cursor of another scope or shape', () => {
    expect(() => cursors.decode('admin-users', valid)).toThrow(ProblemException);
    expect(() => cursors.decode('follows', valid, { withScore: true })).toThrow(ProblemException);
    try {
      cursors.decode('admin-users', valid);
    } catch (e) {
      expect((e as ProblemException).getStatus()).toBe(400);
      expect((e as ProblemException).errors?.[0].field).toBe('cursor');
    }
  });

  it('pages `limit + 1` rows: a next cursor only when the extra row is there, on the last row shown', () => {
    const rows = ['2026-11-20T08:15:03Z', '2026-11-20T08:15:02Z', '2026-11-20T08:15:01Z'].map(
      (at, i) => ({ at, id: `6f1c2f9e-2a47-4a3b-9a0e-3c1d7f0b1a2${i}` }),
    );
    const page = cursors.page('s', rows, 2, (r) => r);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(cursors.decode('s', page.nextCursor!)).toEqual(rows[1]);
    expect(cursors.page('s', rows, 3, (r) => r)).toEqual({ items: rows, nextCursor: null });
    expect(cursors.page('s', [], 2, (r) => r)).toEqual({ items: [], nextCursor: null });
  });
});
