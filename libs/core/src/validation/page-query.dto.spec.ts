import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { KEYSET_CURSOR_MAX_LENGTH } from '../http/keyset-cursors';
import { PAGE_SIZE, PageQueryDto } from './page-query.dto';

class FilteredQuery extends PageQueryDto {}

const failing = (query: Record<string, unknown>) =>
  validateSync(plainToInstance(FilteredQuery, query)).map((e) => e.property);

describe('PageQueryDto', () => {
  it('turns query-string text into a number and accepts the documented range', () => {
    const dto = plainToInstance(FilteredQuery, { limit: String(PAGE_SIZE.max), cursor: 'a.b' });
    expect(dto.limit).toBe(PAGE_SIZE.max);
    expect(validateSync(dto)).toEqual([]);
    expect(failing({})).toEqual([]);
  });

  it.each([['0'], ['101'], ['1.5'], ['ten'], ['-1']])('refuses limit=%s', (limit) => {
    expect(failing({ limit })).toEqual(['limit']);
  });

  it('bounds the cursor by the codec’s length and refuses non-strings', () => {
    expect(failing({ cursor: 'x'.repeat(KEYSET_CURSOR_MAX_LENGTH) })).toEqual([]);
    expect(failing({ cursor: 'x'.repeat(KEYSET_CURSOR_MAX_LENGTH + 1) })).toEqual(['cursor']);
    expect(failing({ cursor: ['a', 'b'] })).toEqual(['cursor']);
  });
});
