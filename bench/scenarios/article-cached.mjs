// GET /api/v1/articles/:slug of one published article, answered from the cache after the first
// request (in-process LRU in embedded mode, Redis in full mode). Issue targets: >= 50% of bare
// Fastify embedded, >= 40% full.
import { firstArticles } from '../lib/articles.mjs';

export const name = 'article-cached';
export const description = 'GET /api/v1/articles/:slug (cached read of one article)';
export const target = (mode) => ({ ratio: mode === 'full' ? 0.4 : 0.5 });
export const requires = ['content'];

export async function setup(ctx) {
  const page = await firstArticles(ctx, { limit: '1' });
  const slug = page.items[0]?.slug;
  if (!slug) throw new ctx.NotAvailable('no published article to read (demo data not seeded?)');
  return { method: 'GET', path: `/api/v1/articles/${encodeURIComponent(slug)}` };
}
