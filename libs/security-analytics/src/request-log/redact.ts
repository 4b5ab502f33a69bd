/** Query parameters whose values never reach the request log (matched case-insensitively). */
export const SENSITIVE_QUERY_PARAMS =
  /^(token|access_token|refresh_token|id_token|password|passwd|pass|secret|code|key|api_key|apikey|signature|sig|auth|session|jwt|otp)$/i;

const MAX_PATH = 2048;

/**
 * The URL as it is logged: the path as sent, each sensitive query value replaced by `[redacted]`
 * (`/reset?token=abc&x=1` → `/reset?token=[redacted]&x=1`), cut to 2048 characters.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url.length > MAX_PATH ? url.slice(0, MAX_PATH) : url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is logged as sent: it cannot name a parameter anyway.
      }
      return SENSITIVE_QUERY_PARAMS.test(name.trim()) && eq >= 0 ? `${rawName}=[redacted]` : pair;
    });
  const out = `${url.slice(0, q)}?${parts.join('&')}`;
  return out.length > MAX_PATH ? out.slice(0, MAX_PATH) : out;
}

/** The path without its query string (the rollup key of a request no route matched). */
export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  return path.length > 200 ? path.slice(0, 200) : path;
}
