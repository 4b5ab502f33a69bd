// GET /api/v1/articles?q=<word>&to=<random instant>: full-text search (tsvector + GIN, ordered by
// rank) on the large data set, with words taken from real titles; the random `to` keeps every
// request out of the view cache. Reported, no target.
import { listArticles, publishedSpan, randomTo } from '../lib/articles.mjs';

export const name = 'articles-search';
export const description =
  'GET /api/v1/articles?q=<word>&to=<random> on the large data set (uncached search)';
export const target = null;
export const requires = ['content'];
export const dataset = 'large';

export async function setup(ctx) {
  const span = await publishedSpan(ctx);
  const page = await listArticles(ctx, { limit: '100' });
  const words = [
    ...new Set(page.items.flatMap((a) => a.title.toLowerCase().match(/[a-z]{4,}/g) ?? [])),
  ];
  if (!words.length) throw new ctx.NotAvailable('no words to search for in article titles');
  const path = () => {
    const q = words[Math.floor(Math.random() * words.length)];
    return `/api/v1/articles?limit=20&q=${encodeURIComponent(q)}&to=${encodeURIComponent(randomTo(span))}`;
  };
  return {
    method: 'GET',
    path: path(),
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }],
    note: `${words.length} search words`,
  };
}
