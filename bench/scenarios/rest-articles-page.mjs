// GET /api/v1/articles?limit=20&to=<random> on the demo data: the REST side of the
// GraphQL-vs-REST comparison (`graphql-articles` asks the same page through GraphQL). The random
// `to` keeps both off the view cache, so each request runs the listing statement.
import { randomListingPage } from '../lib/articles.mjs';

export const name = 'rest-articles-page';
export const description = 'GET /api/v1/articles?limit=20&to=<random> (uncached, demo data)';
export const target = null;
export const requires = ['content'];

export function setup(ctx) {
  return randomListingPage(ctx);
}
