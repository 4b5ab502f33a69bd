import { affectedCount, returnedRows } from './sql-results';

describe('SQL result shapes', () => {
  it('reads UPDATE/DELETE answers ([rows, count])', () => {
    const result = [[{ id: 'a' }], 3];
    expect(returnedRows(result)).toEqual([{ id: 'a' }]);
    expect(affectedCount(result)).toBe(3);
  });

  it('reads SELECT / INSERT RETURNING answers (rows)', () => {
    const result = [{ id: 'a' }, { id: 'b' }];
    expect(returnedRows(result)).toEqual(result);
    expect(affectedCount(result)).toBe(2);
  });

  it('does not mistake two rows for a count', () => {
    const result = [[1], [2]];
    expect(returnedRows(result)).toEqual(result);
    expect(affectedCount(result)).toBe(2);
  });

  it('treats anything else as no rows', () => {
    expect(returnedRows(undefined)).toEqual([]);
    expect(affectedCount(null)).toBe(0);
  });
});
