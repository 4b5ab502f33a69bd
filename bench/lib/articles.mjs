import { randomInt } from 'node:crypto';
import { NotAvailable } from './http.mjs';

/** One page of GET /api/v1/articles (`{ items, nextCursor }`). */
export async function listArticles(ctx, query) {
  const qs = new URLSearchParams({ limit: '20', ...query }).toString();
  const res = await ctx.api.expect('GET', `/api/v1/articles?${qs}`);
  if (!Array.isArray(res.json?.items))
    throw new Error(`GET /api/v1/articles?${qs}: no items[] in ${res.text.slice(0, 200)}`);
  return res.json;
}

/**
 * The first page of published articles once there is one: the api writes its demo data just
 * after it starts listening, so a run without the large data set may ask a moment too early.
 */
export async function firstArticles(ctx, query, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await listArticles(ctx, query);
    if (page.items.length || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The publication time span of the data set: the newest article from the first page, the oldest
 * by bisecting on `to` (the API lists newest first and has no "oldest first" order).
 */
export async function publishedSpan(ctx) {
  if (ctx.state.span) return ctx.state.span;
  const first = await firstArticles(ctx, { limit: '1' });
  if (!first.items.length) throw new NotAvailable('no published article (is demo data seeded?)');
  const newest = Date.parse(first.items[0].publishedAt);
  let lo = Date.parse('2000-01-01T00:00:00Z');
  let hi = newest + 1;
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    const page = await listArticles(ctx, { limit: '1', to: new Date(mid).toISOString() });
    if (page.items.length) hi = mid;
    else lo = mid;
  }
  ctx.state.span = { oldest: lo, newest };
  return ctx.state.span;
}

/**
 * A random `to` bound (millisecond precision) inside the span: every request is a different
 * query, so the listing's view cache cannot answer it and each one reaches the database, as a
 * keyset page somewhere in the middle of the data set.
 */
export function randomTo(span) {
  return new Date(span.oldest + randomInt(Math.max(1, span.newest - span.oldest))).toISOString();
}

/**
 * The request of a scenario that lists a random page of the data set: GET /api/v1/articles with
 * `limit=20` and a new random `to` on every request (see randomTo).
 */
export async function randomListingPage(ctx) {
  const span = await publishedSpan(ctx);
  const path = () => `/api/v1/articles?limit=20&to=${encodeURIComponent(randomTo(span))}`;
  return {
    method: 'GET',
    path: path(),
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }],
  };
}
