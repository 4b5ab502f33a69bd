import { jsonDepthExceeds } from './json-body';

const depth = (text: string, max: number) => jsonDepthExceeds(Buffer.from(text), max);

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays together', () => {
    expect(depth('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(depth('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(depth('[[[]],[[]]]', 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depth('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(depth('{"a":"\\"[[[[","b":"\\\\"}', 1)).toBe(false);
    expect(depth('{"a":"\\\\","b":[[1]]}', 2)).toBe(true);
  });

  it('is not fooled by multi-byte characters', () => {
    expect(depth('{"é🙂[":"[[["}', 1)).toBe(false);
  });

  it('stops early on a deep body', () => {
    expect(depth('['.repeat(1_000_000), 32)).toBe(true);
  });
});
