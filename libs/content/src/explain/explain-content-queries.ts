import { DataSource } from 'typeorm';
import { listStatement, SqlQuery, trendingStatement } from '../articles/article-listing.repository';
import { QueryPlansRepository } from './query-plans.repository';

export interface PlanCheck {
  name: string;
  /** Index names found in the plan. */
  indexes: string[];
  /** Relations read by a sequential scan. */
  seqScans: string[];
  /** At least one of these must be used. */
  expected: string[];
  ok: boolean;
  /** Execution time measured by EXPLAIN ANALYZE (ms). */
  executionMs: number;
  plan: string;
}

/** Words of the data set by selectivity: in most articles, in a few percent, in a fraction of one. */
export interface SearchTerms {
  common: string;
  uncommon: string;
  rare: string;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * EXPLAINs the exact statements the listing service runs (recent, a page deep, tag, author,
 * date range, search, top, feed, trending) and reports whether each uses its intended index
 * and never scans `articles` sequentially. Used by the e2e test and `npm run seed -- --explain`.
 */
export async function explainContentQueries(
  db: DataSource,
  terms: SearchTerms,
): Promise<PlanCheck[]> {
  const plans = new QueryPlansRepository(db);
  const samples = await plans.samples();
  if (!samples) throw new Error('EXPLAIN check needs published articles (seed first)');
  const midpoint = samples.article.publishedAt;
  const cursor = { at: midpoint, id: samples.article.id };
  const keyset = ['idx_articles_published_keyset'];
  const cases: [string, SqlQuery, string[]][] = [
    ['listing: recent, first page', listStatement({ order: 'recent', limit: 20 }), keyset],
    [
      'listing: recent, deep page (cursor)',
      listStatement({ order: 'recent', limit: 20, cursor }),
      keyset,
    ],
    [
      'listing: date range (to=)',
      listStatement({ order: 'recent', limit: 20, to: midpoint }),
      keyset,
    ],
    [
      'listing: rarest tag',
      listStatement({ order: 'recent', limit: 20, tag: samples.rarestTag ?? 'none' }),
      ['idx_article_tags_tag', ...keyset],
    ],
    [
      'listing: author',
      listStatement({ order: 'recent', limit: 20, author: samples.article.authorUsername }),
      ['idx_articles_author_published'],
    ],
    [
      'search: q= (uncommon term), ranked',
      listStatement({ order: 'rank', limit: 20, q: terms.uncommon }),
      ['idx_articles_search'],
    ],
    [
      'search: q= (common term), ranked within the newest matches',
      listStatement({ order: 'rank', limit: 20, q: terms.common }),
      ['idx_articles_search', ...keyset],
    ],
    [
      'search: q= within a date range',
      listStatement({
        order: 'rank',
        limit: 20,
        q: `${terms.rare} or ${terms.uncommon}`,
        to: midpoint,
      }),
      ['idx_articles_search', ...keyset],
    ],
    [
      'listing: top (likes in 7 days)',
      listStatement({ order: 'top', limit: 20, windowDays: 7 }),
      ['idx_reactions_created'],
    ],
    [
      'feed: followed authors',
      listStatement({ order: 'recent', limit: 20, authorIds: samples.authorIds }),
      ['idx_articles_author_published', ...keyset],
    ],
    [
      'trending (7 days)',
      trendingStatement(7, 20),
      ['idx_reactions_created', 'idx_comments_created'],
    ],
  ];
  const out: PlanCheck[] = [];
  for (const [name, q, expected] of cases) {
    const doc = (await plans.analyzed(q.sql, q.params)) as {
      Plan: PlanNode;
      'Execution Time': number;
    }[];
    const indexes = new Set<string>();
    const seqScans = new Set<string>();
    const walk = (n: PlanNode) => {
      if (n['Index Name']) indexes.add(n['Index Name']);
      if (n['Node Type'] === 'Seq Scan' && n['Relation Name']) seqScans.add(n['Relation Name']);
      n.Plans?.forEach(walk);
    };
    walk(doc[0].Plan);
    out.push({
      name,
      indexes: [...indexes],
      seqScans: [...seqScans],
      expected,
      ok: expected.some((i) => indexes.has(i)) && !seqScans.has('articles'),
      executionMs: doc[0]['Execution Time'],
      plan: await plans.text(q.sql, q.params),
    });
  }
  return out;
}
