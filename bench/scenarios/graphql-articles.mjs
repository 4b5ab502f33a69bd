// POST /graphql `articles(first: 20, filter: { to })` with author and tags: the GraphQL twin of
// `rest-articles-page` (same listing service, same statement, same random `to`), measured in the
// same run. Issue target: GraphQL's CPU per request within 1.5x of REST's (docs/benchmarks.md).
import { publishedSpan, randomTo } from '../lib/articles.mjs';

export const name = 'graphql-articles';
export const description =
  'POST /graphql articles(first: 20, filter: { to: <random> }) { slug title tags author }';
export const target = null;
export const requires = ['content'];

const QUERY = `query Page($to: String) {
  articles(first: 20, filter: { to: $to }) {
    edges { node { slug title excerpt tags likesCount commentsCount publishedAt
                   author { username displayName avatarUrl } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export async function setup(ctx) {
  const span = await publishedSpan(ctx);
  const body = () => JSON.stringify({ query: QUERY, variables: { to: randomTo(span) } });
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: body(),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, body: body() }),
      },
    ],
  };
}
