// The cached article read of `article-cached` with 1000 blocks in the blacklist (none of them
// covering the load generator): every request is looked up in the blacklist and counted by the
// global rate limit before the cache answers it. Issue 9's target, with the request log on too:
// >= 45% of bare Fastify embedded, >= 40% full.
import { firstArticles } from '../lib/articles.mjs';

export const name = 'article-cached-blacklist';
export const description = 'GET /api/v1/articles/:slug with 1000 blocks in the blacklist';
export const target = (mode) => ({ ratio: mode === 'full' ? 0.4 : 0.45 });
export const requires = ['content'];

/**
 * Each block makes every instance reload the active set, so setting up many through the API is
 * slow; a lookup costs O(log n) per nesting level (bench/experiments/blacklist-match.mjs: 100k).
 */
const BLOCKS = 1000;

export async function setup(ctx) {
  const page = await firstArticles(ctx, { limit: '1' });
  const slug = page.items[0]?.slug;
  if (!slug) throw new ctx.NotAvailable('no published article to read (demo data not seeded?)');
  if (!ctx.state.blocked) {
    const login = await ctx.api.expect('POST', '/api/v1/auth/login', {
      body: { email: ctx.admin.email, password: ctx.admin.password },
    });
    const headers = { authorization: `Bearer ${login.json.accessToken}` };
    // A 404 here means a build without the blacklist: the scenario is then not available.
    await ctx.api.expect('GET', '/api/v1/admin/security/blocks?limit=1', { headers });
    // 10.0.0.0/8 and 2001:db8::/32 only: 127.0.0.1 stays unblocked.
    let created = 0;
    const next = async () => {
      while (created < BLOCKS) {
        const i = created++;
        const cidr =
          i % 5 === 0
            ? `2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::/64`
            : `10.${(i >> 8) & 255}.${i & 255}.0/24`;
        await ctx.api.expect('POST', '/api/v1/admin/security/blocks', {
          headers,
          body: { cidr, reason: 'bench' },
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, next));
    ctx.state.blocked = true;
    ctx.log(`article-cached-blacklist: ${BLOCKS} blocks created`);
  }
  return { method: 'GET', path: `/api/v1/articles/${encodeURIComponent(slug)}` };
}
