import { excerptOf, normaliseTag, readingMinutes, slugify } from './text';

describe('text helpers', () => {
  it('slugifies titles to ASCII', () => {
    expect(slugify('  Héllo, Wörld: Caching!  ')).toBe('hello-world-caching');
    expect(slugify('!!!')).toBe('article');
    expect(slugify('a'.repeat(300)).length).toBe(100);
  });

  it('normalises tags', () => {
    expect(normaliseTag(' Node JS ')).toBe('node-js');
    expect(normaliseTag('C++')).toBe('c');
    expect(normaliseTag('---')).toBe('');
    expect(normaliseTag('Ünïcode_Tag')).toBe('unicode-tag');
    expect(normaliseTag('\ufb00'.repeat(40))).toBe('f'.repeat(40));
  });

  it('computes reading time and excerpts from markdown', () => {
    expect(readingMinutes('one')).toBe(1);
    expect(readingMinutes('word '.repeat(461))).toBe(3);
    expect(excerptOf('# Title\n\nSome **bold** [link](http://x) text.')).toBe(
      'Title Some bold link text.',
    );
    const long = excerptOf('word '.repeat(200), 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith('…')).toBe(true);
  });
});
