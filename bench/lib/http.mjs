import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { HOST } from './processes.mjs';

/** A scenario cannot run against this build (endpoint missing, no data): reported, not failed. */
export class NotAvailable extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'NotAvailable';
  }
}

/** A tiny JSON client for scenario setup (not for load: that is autocannon's job). */
export function apiClient(port) {
  const base = `http://${HOST}:${port}`;
  async function call(method, path, { body, headers } = {}) {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }
  return {
    base,
    call,
    get: (path, opts) => call('GET', path, opts),
    post: (path, body, opts) => call('POST', path, { ...opts, body }),
    /** Like call(), but a 404 means "not built yet" and any other non-2xx is a setup failure. */
    async expect(method, path, opts = {}) {
      const res = await call(method, path, opts);
      if (res.status === 404) throw new NotAvailable(`${method} ${path} answers 404`);
      if (res.status < 200 || res.status > 299) {
        throw new Error(`${method} ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
      }
      return res;
    },
  };
}

/**
 * Waits for an email to `to` in DATA_DIR/outbox (one .eml file per email) and returns its text
 * (decoded: plain-text part, or HTML when there is none).
 */
export async function waitForEmail(dataDir, to, { timeoutMs = 20_000 } = {}) {
  const dir = join(dataDir, 'outbox');
  const seen = new Set();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = await readdir(dir).catch(() => []);
    for (const file of files
      .filter((f) => f.endsWith('.eml') && !seen.has(f))
      .sort()
      .reverse()) {
      seen.add(file);
      const mail = await simpleParser(await readFile(join(dir, file)));
      const recipients = (mail.to?.value ?? []).map((a) => a.address?.toLowerCase());
      if (recipients.includes(to.toLowerCase()))
        return { subject: mail.subject, text: mail.text || mail.html || '' };
    }
    await sleep(100);
  }
  throw new Error(`no email to ${to} in ${dir} after ${timeoutMs} ms`);
}

/** The token of a verification/reset email: a `token=` query parameter, else the longest token-like word. */
export function tokenFromEmail(text) {
  const param = /[?&]token=([A-Za-z0-9._~%-]+)/.exec(text);
  if (param) return decodeURIComponent(param[1]);
  const words = text.match(/[A-Za-z0-9_-]{24,}(?:\.[A-Za-z0-9_-]+){0,2}/g) ?? [];
  const token = words.sort((a, b) => b.length - a.length)[0];
  if (!token) throw new Error(`no token in email text: ${text.slice(0, 200)}`);
  return token;
}
