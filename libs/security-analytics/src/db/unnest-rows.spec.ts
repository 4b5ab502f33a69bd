import { unnestRows } from './unnest-rows';

describe('unnestRows', () => {
  it('gives the column list, one cast array literal per column, and camel-cased values', () => {
    const u = unnestRows(
      [
        { at: Date.UTC(2026, 0, 1), statusClass: 4, userId: undefined, route: null, ok: true },
        {
          at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
          statusClass: 2,
          userId: 'u',
          route: '/x',
          ok: false,
        },
      ],
      'at timestamptz, status_class smallint, user_id uuid, route text, ok bool',
      { route: (r) => r.route ?? '(unmatched)' },
    );
    expect(u.columns).toBe('at, status_class, user_id, route, ok');
    expect(u.select).toBe(
      'SELECT * FROM unnest($1::timestamptz[], $2::smallint[], $3::uuid[], $4::text[], $5::bool[])',
    );
    expect(u.params).toEqual([
      '{2026-01-01T00:00:00.000Z,2026-01-02T03:04:05.006Z}',
      '{4,2}',
      '{NULL,"u"}',
      '{"(unmatched)","/x"}',
      '{t,f}',
    ]);
  });

  it('quotes every text element and escapes quotes and backslashes', () => {
    const u = unnestRows(
      [{ s: '' }, { s: 'NULL' }, { s: 'a,b {c}' }, { s: 'say "hi" \\ bye' }, { s: null }],
      's text',
    );
    expect(u.params).toEqual(['{"","NULL","a,b {c}","say \\"hi\\" \\\\ bye",NULL}']);
  });

  it('writes numbers as they print and an empty batch as an empty array', () => {
    expect(unnestRows([{ n: 1.5 }, { n: -2 }, { n: 0.1 + 0.2 }], 'n float8').params).toEqual([
      '{1.5,-2,0.30000000000000004}',
    ]);
    expect(unnestRows([], 'n int, s text').params).toEqual(['{}', '{}']);
  });
});
