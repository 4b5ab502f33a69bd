import { DataSource } from 'typeorm';
import { listQuery, SqlQuery, trendingQuery } from '../articles/article-queries';
import { decodeCursor, encodeCursor } from '../shared/cursor';

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
  const [sample] = await db.query(
    `SELECT a.id, a.published_at, u.username, a.author_id
       FROM articles a JOIN users u ON u.id = a.author_id
      WHERE a.status = 'published' ORDER BY a.published_at DESC, a.id DESC OFFSET 200 LIMIT 1`,
  );
  if (!sample) throw new Error('EXPLAIN check needs published articles (seed first)');
  const [tag] = await db.query(
    `SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id GROUP BY t.name ORDER BY count(*) LIMIT 1`,
  );
  const authors: { author_id: string }[] = await db.query(
    `SELECT DISTINCT author_id FROM articles WHERE status = 'published' LIMIT 20`,
  );
  const cursor = decodeCursor(
    encodeCursor({
      sort: 'recent',
      at: new Date(sample.published_at).toISOString(),
      id: sample.id,
    }),
    'recent',
  );
  const midpoint = new Date(sample.published_at).toISOString();
  const keyset = ['idx_articles_published_keyset'];
  const cases: [string, SqlQuery, string[]][] = [
    ['listing: recent, first page', listQuery({ order: 'recent', limit: 20 }), keyset],
    [
      'listing: recent, deep page (cursor)',
      listQuery({ order: 'recent', limit: 20, cursor }),
      keyset,
    ],
    ['listing: date range (to=)', listQuery({ order: 'recent', limit: 20, to: midpoint }), keyset],
    [
      'listing: rarest tag',
      listQuery({ order: 'recent', limit: 20, tag: tag?.name ?? 'none' }),
      ['idx_article_tags_tag', ...keyset],
    ],
    [
      'listing: author',
      listQuery({ order: 'recent', limit: 20, author: sample.username }),
      ['idx_articles_author_published'],
    ],
    [
      'search: q= (uncommon term), ranked',
      listQuery({ order: 'rank', limit: 20, q: terms.uncommon }),
      ['idx_articles_search'],
    ],
    [
      'search: q= (common term), ranked within the newest matches',
      listQuery({ order: 'rank', limit: 20, q: terms.common }),
      ['idx_articles_search', ...keyset],
    ],
    [
      'search: q= within a date range',
      listQuery({
        order: 'rank',
        limit: 20,
        q: `${terms.rare} or ${terms.uncommon}`,
        to: midpoint,
      }),
      ['idx_articles_search', ...keyset],
    ],
    [
      'listing: top (likes in 7 days)',
      listQuery({ order: 'top', limit: 20, windowDays: 7 }),
      ['idx_reactions_created'],
    ],
    [
      'feed: followed authors',
      listQuery({ order: 'recent', limit: 20, authorIds: authors.map((a) => a.author_id) }),
      ['idx_articles_author_published', ...keyset],
    ],
    ['trending (7 days)', trendingQuery(7, 20), ['idx_reactions_created', 'idx_comments_created']],
  ];
  const out: PlanCheck[] = [];
  for (const [name, q, expected] of cases) {
    const rows: { 'QUERY PLAN': unknown }[] = await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`,
      q.params,
    );
    const raw = rows[0]['QUERY PLAN'];
    const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
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
    const textRows: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN ${q.sql}`, q.params);
    out.push({
      name,
      indexes: [...indexes],
      seqScans: [...seqScans],
      expected,
      ok: expected.some((i) => indexes.has(i)) && !seqScans.has('articles'),
      executionMs: doc[0]['Execution Time'],
      plan: textRows.map((r) => r['QUERY PLAN']).join('\n'),
    });
  }
  return out;
}
