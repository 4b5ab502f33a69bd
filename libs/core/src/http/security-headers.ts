import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';
import type { AppConfig } from '../config/app-config';

/**
 * The security headers of every response, as helmet's policy computes them. The policy is static
 * (no CSP nonces), so it is computed once at start-up and set with one `reply.headers()` call per
 * request, instead of running helmet's middleware chain on every request (cached reads included).
 *
 * The CSP keeps Swagger UI at /docs working: its scripts, styles and the OpenAPI document are
 * served by this app ('self'); its inline <style> blocks and SVG data: icons need 'unsafe-inline'
 * styles and data: images. No inline or remote script is allowed, and no page may frame the app.
 */
export function securityHeaders(
  config: Pick<AppConfig, 'hstsMaxAgeSeconds'>,
): Record<string, string> {
  const options: HelmetOptions = {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'frame-ancestors': ["'none'"],
        // Behind plain HTTP (development, a LAN) an upgrade would break the page's own assets.
        'upgrade-insecure-requests': config.hstsMaxAgeSeconds > 0 ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only a deployment that terminates TLS for every request may promise HTTPS to browsers.
    strictTransportSecurity:
      config.hstsMaxAgeSeconds > 0
        ? { maxAge: config.hstsMaxAgeSeconds, includeSubDomains: false }
        : false,
  };
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string | number) =>
      (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)(
    {} as IncomingMessage,
    collector as unknown as ServerResponse,
    (err?: unknown) => {
      if (err) throw err;
    },
  );
  return headers;
}
