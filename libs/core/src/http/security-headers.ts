import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';
import type { AppConfig } from '../config/app-config';

/** The security headers of the two kinds of response (`securityHeaders`). */
export interface SecurityHeaders {
  /** JSON answers: the API under `/api`, health, metrics, GraphQL. */
  api: Record<string, string>;
  /** Pages a browser renders and their assets (`DOCUMENT_PATHS`). */
  document: Record<string, string>;
}

/** Where the app serves pages: Swagger UI, GraphiQL, the admin dashboards. */
export const DOCUMENT_PATHS = ['/docs', '/graphiql', '/admin/'] as const;

/** Whether a request's URL is one of the pages' (`DOCUMENT_PATHS`); API URLs answer at once. */
export function isDocumentUrl(url: string): boolean {
  if (url.startsWith('/api/')) return false;
  for (const prefix of DOCUMENT_PATHS) if (url.startsWith(prefix)) return true;
  return false;
}

/**
 * The security headers of every response, computed once at start-up and set with one
 * `reply.headers()` call per request (cached reads included), in two sets:
 *
 * - **document**: helmet's policy for pages. Its CSP keeps Swagger UI at /docs, GraphiQL and the
 *   dashboards working: their scripts, styles and data are served by this app ('self'); Swagger
 *   UI's inline <style> blocks and SVG data: icons need 'unsafe-inline' styles and data: images.
 *   No inline or remote script is allowed, and no page may frame the app.
 * - **api**: what a JSON answer needs (OWASP's REST security headers): `nosniff`, no framing
 *   (`frame-ancestors 'none'` and `X-Frame-Options`), a CSP that allows nothing should a browser
 *   ever render one, no referrer, same-origin resource policy, and HSTS behind TLS. Helmet's other
 *   headers (opener and agent-cluster isolation, DNS prefetch, download and cross-domain policies
 *   of old browsers and plug-ins) only govern documents; each costs every answer its bytes.
 */
export function securityHeaders(config: Pick<AppConfig, 'hstsMaxAgeSeconds'>): SecurityHeaders {
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
  const api: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
  const hsts = headers['strict-transport-security'];
  if (hsts) api['strict-transport-security'] = hsts;
  return { api, document: headers };
}
