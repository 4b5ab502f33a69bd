import { canonicalQuery, matchesEtag } from './view-cache';

describe('view cache helpers', () => {
  it('compares If-None-Match weakly, with lists and *', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });

  it('builds one key whatever the parameter order, and keeps values apart', () => {
    expect(canonicalQuery({ b: '2', a: '1' })).toBe(canonicalQuery({ a: '1', b: '2' }));
    expect(canonicalQuery({ tag: 'a&b=c' })).not.toBe(canonicalQuery({ tag: 'a', b: 'c' }));
    expect(canonicalQuery({ q: ['x', 'y'] })).toBe('q=x,y');
    expect(canonicalQuery(undefined)).toBe('');
  });
});
