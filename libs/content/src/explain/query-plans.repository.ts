import { returnedRows } from '@nexus/core';
import { DataSource } from 'typeorm';

/** Sample values the EXPLAIN check plugs into the listing statements. */
export interface PlanSamples {
  /** The published article 200 rows deep in the newest-first listing (a deep page's cursor). */
  article: { id: string; publishedAt: string; authorUsername: string };
  /** The least used tag, if any. */
  rarestTag: string | undefined;
  /** Up to 20 authors of published articles (a feed's followed authors). */
  authorIds: string[];
}

/** The statements of the EXPLAIN check: sample values, and the plans of given statements. */
export class QueryPlansRepository {
  constructor(private readonly db: DataSource) {}

  async samples(): Promise<PlanSamples | undefined> {
    const [sample] = returnedRows<{ id: string; published_at: Date; username: string }>(
      await this.db.query(
        `SELECT a.id, a.published_at, u.username
           FROM articles a JOIN author_cards u ON u.id = a.author_id
          WHERE a.status = 'published' ORDER BY a.published_at DESC, a.id DESC OFFSET 200 LIMIT 1`,
      ),
    );
    if (!sample) return undefined;
    const [tag] = returnedRows<{ name: string }>(
      await this.db.query(
        `SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id
          GROUP BY t.name ORDER BY count(*) LIMIT 1`,
      ),
    );
    const authors = returnedRows<{ author_id: string }>(
      await this.db.query(
        `SELECT DISTINCT author_id FROM articles WHERE status = 'published' LIMIT 20`,
      ),
    );
    return {
      article: {
        id: sample.id,
        publishedAt: new Date(sample.published_at).toISOString(),
        authorUsername: sample.username,
      },
      rarestTag: tag?.name,
      authorIds: authors.map((a) => a.author_id),
    };
  }

  /** The JSON plan of a statement run with EXPLAIN ANALYZE. */
  async analyzed(sql: string, params: unknown[]): Promise<unknown> {
    const rows = returnedRows<{ 'QUERY PLAN': unknown }>(
      await this.db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params),
    );
    const raw = rows[0]['QUERY PLAN'];
    return typeof raw === 'string' ? JSON.parse(raw) : raw;
  }

  /** The text plan of a statement (not run). */
  async text(sql: string, params: unknown[]): Promise<string> {
    const rows = returnedRows<{ 'QUERY PLAN': string }>(
      await this.db.query(`EXPLAIN ${sql}`, params),
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }
}
