#!/usr/bin/env node
// CPU per request of two parts of a GraphQL request, on the document of `graphql-articles`
// (articles(first: 20) with author and tags), in this process, each against its alternative:
//  - execution of the document over 20 rows: graphql-js `execute` vs graphql-jit (mercurius `jit`);
//  - the pre-execution pass (input hygiene + cost): worked out per request vs kept per document.
// Resolvers return fixed rows: this isolates what GraphQL adds, not the listing statement.
// Needs dist/ (npm run build).   node bench/experiments/graphql-request-parts.mjs [--dist dir]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const i = process.argv.indexOf('--dist');
const DIST = resolve(ROOT, i === -1 ? 'dist' : process.argv[i + 1]);
const core = join(DIST, 'apps/api/libs/core/src');
const limits = require(join(core, 'graphql/graphql-limits.js'));
const { findUnsafeText } = require(join(core, 'validation/validators.js'));
const { parse, buildSchema, execute } = require('graphql');
const { compileQuery } = require('graphql-jit');

const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
const QUERY = `query Page($to: String) {
  articles(first: 20, filter: { to: $to }) {
    edges { node { slug title excerpt tags likesCount commentsCount publishedAt
                   author { username displayName avatarUrl } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const document = parse(QUERY);
const rows = Array.from({ length: 20 }, (_, n) => ({
  id: `id${n}`,
  slug: `s${n}`,
  title: `Title ${n}`,
  excerpt: 'An excerpt',
  tags: ['a', 'b'],
  likesCount: n,
  commentsCount: n,
  publishedAt: '2026-01-01T00:00:00Z',
  author: { id: 'u', username: 'ada', displayName: 'Ada', avatarUrl: null },
}));
schema.getQueryType().getFields().articles.resolve = async () => ({
  edges: rows.map((node) => ({ node, cursor: null })),
  pageInfo: { hasNextPage: true, endCursor: 'c' },
});
const variables = () => ({ to: new Date(1.7e12 + Math.random() * 1e10).toISOString() });

async function perCall(fn, n) {
  for (let k = 0; k < n / 10; k++) await fn();
  const start = process.cpuUsage();
  for (let k = 0; k < n; k++) await fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / n;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const compiled = compileQuery(schema, document, 'Page');
const vars = variables();
const a = await execute({ schema, document, variableValues: vars });
const b = await compiled.query(undefined, {}, vars);
if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('graphql-jit answered differently');

const facts = {
  unsafe: limits.unsafeTextIn(document, undefined),
  cost: limits.pageSizesUseVariables(document)
    ? undefined
    : limits.operationCost(schema, document, undefined, undefined, 5000),
};
if (facts.cost === undefined)
  throw new Error('the cost of this document should not need variables');
const parts = {
  'execute (graphql-js)': [() => execute({ schema, document, variableValues: variables() }), 5000],
  'execute (graphql-jit)': [() => compiled.query(undefined, {}, variables()), 5000],
  'pre-execution, per request': [
    () => {
      const v = variables();
      limits.unsafeTextIn(document, v);
      limits.operationCost(schema, document, undefined, v, 5000);
    },
    20000,
  ],
  'pre-execution, per document': [
    () => [...facts.unsafe, ...findUnsafeText(variables(), 'variables')],
    20000,
  ],
};
const results = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
for (let round = 0; round < 5; round++) {
  for (const [name, [fn, n]] of Object.entries(parts)) results[name].push(await perCall(fn, n));
}
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
for (const [name, xs] of Object.entries(results)) {
  console.log(
    `${name.padEnd(28)} ${median(xs).toFixed(1).padStart(7)} µs/req (median of 5 rounds)`,
  );
}
