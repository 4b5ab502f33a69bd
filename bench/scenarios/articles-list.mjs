// GET /api/v1/articles?limit=20&to=<random instant>: the public listing, newest first, on the
// large data set (`npm run seed -- --articles N`, default 100k). The random `to` makes every
// request a distinct query, so it misses the view cache and runs the keyset query on
// (published_at, id). Issue target: p99 < 25 ms at 50 connections on PostgreSQL (full mode).
import { randomListingPage } from '../lib/articles.mjs';

export const name = 'articles-list';
export const description =
  'GET /api/v1/articles?to=<random> on the large data set (uncached listing)';
export const target = (mode) => (mode === 'full' ? { p99Ms: 25 } : null);
export const requires = ['content'];
export const dataset = 'large';

export function setup(ctx) {
  return randomListingPage(ctx);
}
