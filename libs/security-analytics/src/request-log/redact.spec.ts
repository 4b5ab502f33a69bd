import { pathOnly, redactUrl } from './redact';

describe('redactUrl', () => {
  it('replaces the values of sensitive query parameters, keeps the others', () => {
    expect(redactUrl('/api/v1/auth/reset?token=abc&x=1&Password=p&code=42')).toBe(
      '/api/v1/auth/reset?token=[redacted]&x=1&Password=[redacted]&code=[redacted]',
    );
  });

  it('redacts encoded names and leaves paths without a query alone', () => {
    expect(redactUrl('/a?%74oken=abc')).toBe('/a?%74oken=[redacted]');
    expect(redactUrl('/a/b')).toBe('/a/b');
    expect(redactUrl('/a?tokenish=1&flag')).toBe('/a?tokenish=1&flag');
  });

  it('cuts long URLs and strips queries for rollup keys', () => {
    expect(redactUrl(`/${'x'.repeat(5000)}`)).toHaveLength(2048);
    expect(pathOnly('/wp-admin/setup.php?step=1')).toBe('/wp-admin/setup.php');
  });
});
