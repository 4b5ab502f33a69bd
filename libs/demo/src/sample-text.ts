/** Vocabulary and fragments the demo and benchmark data are written with. */
export const TAGS = [
  'nestjs',
  'typescript',
  'postgresql',
  'redis',
  'caching',
  'performance',
  'security',
  'testing',
  'architecture',
  'devops',
  'fastify',
  'graphql',
  'node',
  'javascript',
  'databases',
  'search',
  'observability',
  'queues',
  'design',
  'career',
  'open-source',
  'tutorial',
  'api',
  'docker',
  'kubernetes',
  'rust',
  'go',
  'python',
  'linux',
  'networking',
  'frontend',
  'css',
  'react',
  'vue',
  'accessibility',
  'ux',
  'product',
  'startups',
  'writing',
  'productivity',
  'ai',
  'machine-learning',
  'data',
  'analytics',
  'privacy',
  'cryptography',
  'compilers',
  'webassembly',
  'embedded',
  'hardware',
  'gamedev',
  'mobile',
  'ios',
  'android',
  'cloud',
  'serverless',
  'edge',
  'http',
  'browsers',
  'history',
];

export const SUBJECTS = [
  'cache invalidation',
  'keyset pagination',
  'full-text search',
  'connection pooling',
  'rate limiting',
  'event-driven design',
  'database indexes',
  'background jobs',
  'observability',
  'schema migrations',
  'modular monoliths',
  'idempotent APIs',
  'feature flags',
  'load testing',
  'graceful shutdown',
  'structured logging',
  'refresh tokens',
  'content negotiation',
  'query planning',
  'write-ahead logs',
];
const TITLE_FORMS = [
  'A practical guide to {s}',
  'What I learned about {s} the hard way',
  '{S} in production: a field report',
  'Why {s} is harder than it looks',
  'Ten questions about {s}',
  '{S} explained with one diagram',
  'Rethinking {s} for small teams',
  'The hidden costs of {s}',
];
const WORDS = (
  'system request latency throughput index cursor page query planner memory disk network cache ' +
  'key value token session user article comment reaction author reader editor draft publish queue ' +
  'worker retry backoff failure recovery replica primary lock transaction commit rollback event ' +
  'listener handler service module boundary contract test fixture benchmark profile trace metric ' +
  'dashboard alert budget deadline review design pattern trade-off constraint invariant schema ' +
  'migration column table row tuple vacuum analyze statistics histogram estimate cost plan scan ' +
  'bitmap heap sort merge hash join filter predicate selectivity cardinality partition shard'
).split(' ');

/** A small deterministic PRNG, so a data set can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)];

export function sampleTitle(rand: () => number, subject = pick(rand, SUBJECTS)): string {
  const s = subject;
  return pick(rand, TITLE_FORMS)
    .replace('{s}', s)
    .replace('{S}', s[0].toUpperCase() + s.slice(1));
}

const SENTENCES = [
  'Most teams meet {s} the day something breaks in production, not the day they design for it.',
  'The first version is usually simple, and simple is a fine place to start.',
  'What changes everything is concurrency: two requests that each look correct can still be wrong together.',
  'Measure before you optimise; a profile under realistic load beats any amount of intuition.',
  'The trick with {s} is to write down the invariant first and only then pick the mechanism.',
  'Every shortcut here eventually shows up as a support ticket, so make the trade-off explicit.',
  'A small benchmark on a laptop will not tell you much, but it will tell you which way to look.',
  'Tests that run against the real database catch the bugs that mocks politely hide.',
  'Readers never see your architecture diagram; they see latency and stale pages.',
  'When in doubt, prefer the boring solution that the next person on call can understand at 3 a.m.',
  'Observability is part of the feature: if you cannot see {s} working, assume it is not.',
  'Document the failure modes, because the happy path documents itself.',
];

/** Readable demo prose about `subject`: a few markdown paragraphs and a list. */
export function sampleProse(rand: () => number, subject: string, paragraphs = 3): string {
  // Each sentence at most once per article (a shuffled deck, reshuffled when it runs out).
  let deck: string[] = [];
  const next = () => {
    if (deck.length === 0) deck = [...SENTENCES].sort(() => rand() - 0.5);
    return deck.pop()!.replace('{s}', subject);
  };
  const para = () => Array.from({ length: 3 + Math.floor(rand() * 2) }, next).join(' ');
  const parts = [para(), '## What worked', para()];
  parts.push(
    ['- start small', `- measure ${subject} under load`, '- write the invariant down'].join('\n'),
  );
  for (let p = 2; p < paragraphs; p++) parts.push(para());
  return parts.join('\n\n');
}

/** A markdown body of roughly `words` words in a few paragraphs (readable words only). */
export function sampleBody(rand: () => number, words: number, subject?: string): string {
  return paragraphs(rand, words, () => pick(rand, WORDS), subject);
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tos',
  'vu',
  'zar',
  'bel',
  'dri',
  'fen',
  'gor',
  'hux',
  'jin',
  'pra',
  'quo',
  'sel',
];

/**
 * The benchmark vocabulary: the readable words first, then pseudo-words ("kalomi"), drawn with
 * a Zipf distribution like natural text — a few very common terms and a long tail of rare ones,
 * so full-text search sees realistic selectivity (a search for a tail term matches a few
 * percent of the articles, not half of them).
 */
export const VOCABULARY: readonly string[] = (() => {
  const out = [...WORDS];
  for (let i = 0; out.length < 4000; i++) {
    const a = SYLLABLES[i % 16];
    const b = SYLLABLES[Math.floor(i / 16) % 16];
    const c = SYLLABLES[Math.floor(i / 256) % 16];
    out.push(`${a}${b}${c}`);
  }
  return out;
})();

/** Search terms of the benchmark data set, by selectivity (ranks 3, 400 and 1200 of the vocabulary). */
export const SAMPLE_SEARCH_TERMS = {
  common: VOCABULARY[3],
  uncommon: VOCABULARY[400],
  rare: VOCABULARY[1200],
};

const ZIPF_CDF: Float64Array = (() => {
  const cdf = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let r = 0; r < VOCABULARY.length; r++) cdf[r] = sum += 1 / Math.pow(r + 1, 1.07);
  for (let r = 0; r < cdf.length; r++) cdf[r] /= sum;
  return cdf;
})();

function zipfWord(rand: () => number): string {
  const x = rand();
  let lo = 0;
  let hi = ZIPF_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF_CDF[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo];
}

/** A body over the Zipf vocabulary (benchmark data). */
export function sampleBenchBody(rand: () => number, words: number): string {
  return paragraphs(rand, words, () => zipfWord(rand));
}

function paragraphs(
  rand: () => number,
  words: number,
  word: () => string,
  subject?: string,
): string {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 30 + Math.floor(rand() * 50));
    const sentence: string[] = [];
    for (let i = 0; i < n; i++) sentence.push(word());
    if (subject && out.length === 0) sentence.splice(3, 0, subject);
    const text = sentence.join(' ');
    out.push(text[0].toUpperCase() + text.slice(1) + '.');
    left -= n;
  }
  return out.join('\n\n');
}

/** Skewed tag choice (a few tags are common, most are rare), like real tag usage. */
export function sampleTags(rand: () => number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(TAGS[Math.floor(TAGS.length * Math.pow(rand(), 2.2))]);
  return [...out];
}
