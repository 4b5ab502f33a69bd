import { unnestRows } from './unnest-rows';

describe('unnestRows', () => {
  it('gives the column list, one cast array parameter per column, and camel-cased values', () => {
    const u = unnestRows(
      [
        { at: Date.UTC(2026, 0, 1), statusClass: 4, userId: undefined, route: null },
        { at: new Date(Date.UTC(2026, 0, 2)), statusClass: 2, userId: 'u', route: '/x' },
      ],
      'at timestamptz, status_class smallint, user_id uuid, route text',
      { route: (r) => r.route ?? '(unmatched)' },
    );
    expect(u.columns).toBe('at, status_class, user_id, route');
    expect(u.select).toBe(
      'SELECT * FROM unnest($1::timestamptz[], $2::smallint[], $3::uuid[], $4::text[])',
    );
    expect(u.params).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'],
      [4, 2],
      [null, 'u'],
      ['(unmatched)', '/x'],
    ]);
  });
});
