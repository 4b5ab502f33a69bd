import { arrayText, copyText, IsoMillis } from './copy-text';

describe('copyText', () => {
  it('leaves ordinary text alone', () => {
    const s = 'Mozilla/5.0 (X11; Linux x86_64) "quoted", {braces} é ✓';
    expect(copyText(s)).toBe(s);
  });

  it('escapes backslash, tab, newline and CR, and drops NUL', () => {
    expect(copyText('a\\b\tc\nd\re\0f')).toBe('a\\\\b\\tc\\nd\\re' + 'f');
    expect(copyText('\\N')).toBe('\\\\N');
  });
});

describe('arrayText', () => {
  it('quotes, and escapes quotes and backslashes', () => {
    expect(arrayText('plain')).toBe('"plain"');
    expect(arrayText('')).toBe('""');
    expect(arrayText('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(arrayText('tab\there')).toBe('"tab\there"');
  });
});

describe('IsoMillis', () => {
  it('formats like toISOString, across seconds and with fractional milliseconds', () => {
    const iso = new IsoMillis();
    const base = Date.UTC(2026, 11, 1, 23, 59, 59, 0);
    for (const ms of [
      base,
      base + 7.9,
      base + 42,
      base + 999.99,
      base + 1000,
      base + 1003,
      base + 60_123,
    ]) {
      expect(iso.text(ms)).toBe(new Date(Math.floor(ms)).toISOString());
    }
    // Back in time too (a batch put back after a failure is older than the one before it).
    expect(iso.text(base - 1)).toBe(new Date(base - 1).toISOString());
  });
});
