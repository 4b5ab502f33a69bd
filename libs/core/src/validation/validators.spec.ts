import { validateSync } from 'class-validator';
import { findUnsafeText, IsDateOrDateTime, SingleLineText } from './validators';

class Named {
  @SingleLineText()
  name: unknown;
}

const named = (name: unknown) => Object.assign(new Named(), { name });

describe('findUnsafeText', () => {
  it('finds control characters and unpaired surrogates at any depth, in values and keys', () => {
    expect(
      findUnsafeText({
        a: 'ok',
        b: { c: ['fine', 'bad\u0000'] },
        d: '\ud800',
        'k\u0007': 1,
        e: 'x\u009b',
      }),
    ).toEqual(['b.c.1', 'd', 'k\u0007', 'e']);
  });

  it('allows tab, CR, LF, paired surrogates and any script', () => {
    expect(findUnsafeText({ a: 'one\r\ntwo\tthree', b: '🙂 Ада 李 أدا', c: 5, d: null })).toEqual(
      [],
    );
  });

  it('names a single parameter by its root', () => {
    expect(findUnsafeText('a\u0000', 'q')).toEqual(['q']);
  });
});

describe('@SingleLineText()', () => {
  it.each([
    'a\nb',
    'a\tb',
    'a\u202eb',
    'a\u2067b',
    'a\u200fb',
    'a\u061cb',
    'a\u200bb',
    'a\u2060b',
    'a\ufeffb',
    '\u001b[31m',
  ])('refuses %j', (value) => {
    expect(validateSync(named(value))).toHaveLength(1);
  });

  it('accepts ordinary names and leaves non-strings to @IsString', () => {
    for (const value of ['Ada Lovelace', 'Ада', '李小龍', 'أدا', 'Zoë 🙂', 42]) {
      expect(validateSync(named(value))).toEqual([]);
    }
  });
});

class Bounded {
  @IsDateOrDateTime()
  from: unknown;
}

describe('IsDateOrDateTime', () => {
  const errors = (from: unknown) => validateSync(Object.assign(new Bounded(), { from }));

  it.each(['2026-01-01', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00.123456+02:00'])(
    'accepts %s',
    (from) => expect(errors(from)).toEqual([]),
  );

  it.each(['2026-W01', '2026', '0000-01-01T00:00:00Z', '2026-02-30', 'yesterday', 20260101])(
    'refuses %s',
    (from) => expect(errors(from).map((e) => e.property)).toEqual(['from']),
  );
});
