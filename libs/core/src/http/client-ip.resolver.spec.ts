import { ClientIpResolver, normalizeIp } from './client-ip.resolver';

describe('normalizeIp', () => {
  it.each([
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:10.0.0.1', '10.0.0.1'],
    [' 198.51.100.2 ', '198.51.100.2'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['2001:DB8::A', '2001:db8::a'],
    ['203.0.113.9:4711', '203.0.113.9'],
  ])('%s → %s', (input, expected) => expect(normalizeIp(input)).toBe(expected));

  it.each(['', 'unknown', '1.2.3', '999.1.1.1', '<script>', '[::1'])('rejects %p', (input) =>
    expect(normalizeIp(input)).toBeUndefined(),
  );
});

describe('ClientIpResolver', () => {
  const resolver = new ClientIpResolver(['10.0.0.0/8', '2001:db8:ffff::/48', '192.0.2.10']);

  it('uses the peer address when there is no proxy header', () => {
    expect(resolver.resolve('203.0.113.5')).toBe('203.0.113.5');
  });

  it('ignores X-Forwarded-For sent by an untrusted peer (spoofing)', () => {
    expect(resolver.resolve('203.0.113.5', '1.1.1.1')).toBe('203.0.113.5');
    expect(resolver.resolve('203.0.113.5', '10.0.0.1, 1.1.1.1')).toBe('203.0.113.5');
  });

  it('honours X-Forwarded-For from a trusted proxy', () => {
    expect(resolver.resolve('10.1.2.3', '198.51.100.20')).toBe('198.51.100.20');
  });

  it('takes the rightmost untrusted hop, never the leftmost entry', () => {
    // The client forged "6.6.6.6"; the real client 198.51.100.20 was appended by our proxy.
    expect(resolver.resolve('10.0.0.2', '6.6.6.6, 198.51.100.20')).toBe('198.51.100.20');
  });

  it('skips every trusted proxy in a chain', () => {
    expect(resolver.resolve('10.0.0.2', '198.51.100.20, 192.0.2.10, 10.9.9.9')).toBe(
      '198.51.100.20',
    );
  });

  it('unwraps IPv4-mapped IPv6 peers before checking trust', () => {
    expect(resolver.resolve('::ffff:10.0.0.2', '198.51.100.20')).toBe('198.51.100.20');
    expect(resolver.resolve('::ffff:203.0.113.5', '1.1.1.1')).toBe('203.0.113.5');
  });

  it('unwraps IPv4-mapped entries inside the header', () => {
    expect(resolver.resolve('10.0.0.2', '::ffff:198.51.100.20')).toBe('198.51.100.20');
  });

  it('handles IPv6 proxies and clients', () => {
    expect(resolver.resolve('2001:db8:ffff::1', '2001:db8:1::99')).toBe('2001:db8:1::99');
  });

  it('accepts the header as several lines', () => {
    expect(resolver.resolve('10.0.0.2', ['6.6.6.6', '198.51.100.20'])).toBe('198.51.100.20');
  });

  it('stops at a malformed hop and returns the last valid address', () => {
    expect(resolver.resolve('10.0.0.2', 'garbage')).toBe('10.0.0.2');
    expect(resolver.resolve('10.0.0.2', '198.51.100.20, nonsense, 10.0.0.3')).toBe('10.0.0.3');
  });

  it('returns the leftmost hop when every hop is a trusted proxy', () => {
    expect(resolver.resolve('10.0.0.2', '10.0.0.3, 10.0.0.4')).toBe('10.0.0.3');
  });

  it('trusts nothing when no proxies are configured', () => {
    const plain = new ClientIpResolver([]);
    expect(plain.resolve('10.0.0.2', '198.51.100.20')).toBe('10.0.0.2');
  });

  it('rejects an invalid trusted-proxy entry at construction', () => {
    expect(() => new ClientIpResolver(['not-an-ip'])).toThrow(/Invalid trusted proxy/);
  });
});
