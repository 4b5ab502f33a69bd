import { IpMatcher } from './ip-matcher';
import { clientKey, ipv6Key, parseCidr } from './ip-ranges';

const entry = (cidr: string, value: string, expiresAt = Infinity) => ({
  range: parseCidr(cidr),
  expiresAt,
  value,
});

describe('parseCidr', () => {
  it('reads addresses and blocks of both families', () => {
    expect(parseCidr('203.0.113.7')).toMatchObject({
      family: 4,
      prefix: 32,
      text: '203.0.113.7/32',
    });
    expect(parseCidr('10.0.0.0/8')).toMatchObject({ start: 0x0a000000, end: 0x0affffff });
    expect(parseCidr('2001:DB8::/32').text).toBe('2001:db8::/32');
    expect(parseCidr('::ffff:1.2.3.4').text).toBe('::ffff:102:304/128');
    expect(parseCidr('2001:db8:0:0:1:0:0:1').text).toBe('2001:db8::1:0:0:1/128');
  });

  it.each([
    ['not-an-ip', 'not an IPv4 or IPv6'],
    ['1.2.3.4/33', 'at most 32'],
    ['1.2.3.4/x', 'prefix length'],
    ['0.0.0.0/0', 'every address'],
    ['::/0', 'every address'],
    ['10.1.2.3/8', 'the network is 10.0.0.0/8'],
    ['01.2.3.4', 'not an IPv4'],
    ['1.2.3.4/', 'prefix length'],
  ])('refuses %s', (text, message) => {
    expect(() => parseCidr(text)).toThrow(message);
  });

  it('keys IPv6 clients by /64 and IPv4 clients by address', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('ipv6Key', () => {
  it.each([
    ['::', '0'.repeat(32)],
    ['::1', `${'0'.repeat(31)}1`],
    ['1::', `0001${'0'.repeat(28)}`],
    ['2001:DB8::8:800:200C:417A', '20010db8000000000008080020 0c417a'.replace(' ', '')],
    ['::ffff:1.2.3.4', '00000000000000000000ffff01020304'],
    ['1:2:3:4:5:6:7:8', '00010002000300040005000600070008'],
    ['fe80::1%eth0', `fe80${'0'.repeat(27)}1`],
  ])('keys %s', (ip, key) => {
    expect(ipv6Key(ip)).toBe(key);
  });

  it.each([
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':1::',
    '1:',
    '12345::',
    'g::',
    '1:2:3:4:5:6:7',
    '::1.2.3',
    '',
  ])('refuses %s', (ip) => {
    expect(ipv6Key(ip)).toBeUndefined();
  });
});

describe('IpMatcher', () => {
  it('matches single addresses and CIDR blocks of both families', () => {
    const m = new IpMatcher([
      entry('203.0.113.7', 'one'),
      entry('198.51.100.0/24', 'range'),
      entry('2001:db8:aa::/48', 'v6'),
      entry('2001:db8::1', 'v6one'),
    ]);
    expect(m.match('203.0.113.7', 0)).toBe('one');
    expect(m.match('203.0.113.8', 0)).toBeUndefined();
    expect(m.match('198.51.100.0', 0)).toBe('range');
    expect(m.match('198.51.100.255', 0)).toBe('range');
    expect(m.match('198.51.101.0', 0)).toBeUndefined();
    expect(m.match('2001:db8:aa:ffff::5', 0)).toBe('v6');
    expect(m.match('2001:db8:ab::5', 0)).toBeUndefined();
    expect(m.match('2001:db8::1', 0)).toBe('v6one');
    expect(m.match('2001:db8::2', 0)).toBeUndefined();
    expect(m.match('garbage', 0)).toBeUndefined();
  });

  it('honours expiry at lookup time, falling back to nested blocks', () => {
    const m = new IpMatcher([
      entry('10.0.0.0/8', 'outer', 1000),
      entry('10.1.0.0/16', 'inner', 2000),
      entry('10.1.2.3', 'host'),
      entry('10.1.0.0/16', 'same-range-earlier', 1500),
    ]);
    expect(m.match('10.9.9.9', 999)).toBe('outer');
    expect(m.match('10.9.9.9', 1000)).toBeUndefined();
    expect(m.match('10.1.9.9', 900)).toBe('outer');
    expect(m.match('10.1.9.9', 1200)).toBe('inner');
    expect(m.match('10.1.9.9', 1600)).toBe('inner');
    expect(m.match('10.1.9.9', 2000)).toBeUndefined();
    expect(m.match('10.1.2.3', 5000)).toBe('host');
  });

  it('finds the one candidate among many disjoint blocks (agrees with a linear scan)', () => {
    const entries = [];
    for (let i = 0; i < 2000; i++) {
      const a = (i * 2654435761) >>> 0;
      const prefix = 16 + (i % 17);
      const size = 2 ** (32 - prefix);
      const start = Math.floor(a / size) * size;
      const ip = [start >>> 24, (start >>> 16) & 255, (start >>> 8) & 255, start & 255].join('.');
      entries.push({
        ...entry(`${ip}/${prefix}`, `b${i}`),
        expiresAt: i % 3 === 0 ? 50 : Infinity,
      });
    }
    const m = new IpMatcher(entries);
    for (let k = 0; k < 5000; k++) {
      const v = (k * 40503 * 65537 + 12345) >>> 0;
      const ip = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
      const now = 100;
      const hit = m.match(ip, now);
      const covering = entries.filter(
        (e) => (e.range.start as number) <= v && (e.range.end as number) >= v && e.expiresAt > now,
      );
      expect(hit !== undefined).toBe(covering.length > 0);
      if (hit) expect(covering.map((c) => c.value)).toContain(hit);
    }
  });
});
