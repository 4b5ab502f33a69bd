import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Pool, QueryResult, QueryResultRow } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Named prepared statements for hot read queries.
 *
 * `DataSource.query()` sends every statement unnamed, so PostgreSQL parses and plans it on each
 * call. For a listing page that is most of the database's work (docs/benchmarks.md). A named
 * statement is parsed once per pooled connection (node-postgres keeps the names it prepared) and
 * PostgreSQL reuses its plan (a generic plan after five executions, when not costlier).
 *
 * Statements are named by a hash of their text, so each distinct SQL text (e.g. one per filter
 * combination of a query builder) is one statement; values always go in as parameters. Same pool
 * as TypeORM: with PGlite's single connection, a statement waits for a running transaction like
 * any other query. Failures surface as TypeORM's `QueryFailedError` and reach the same logger
 * (never with parameters).
 */
@Injectable()
export class PreparedQueries {
  private readonly names = new Map<string, string>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * `prepare: false` sends the statement unnamed (planned for these very values), for statements
   * whose best plan depends on the values: a search term's or a tag's selectivity, where one
   * reused generic plan would be right for some values and very slow for others.
   */
  async query<T extends QueryResultRow>(
    sql: string,
    params: unknown[],
    { prepare = true }: { prepare?: boolean } = {},
  ): Promise<T[]> {
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    const logger = this.db.logger;
    logger.logQuery(sql);
    const started = Date.now();
    try {
      // A checked-out client released normally, error or not (as TypeORM does): `pool.query`
      // would destroy the client after a failed statement, and with PGlite — one session behind
      // every "connection" — the replacement client finds the protocol mid-conversation.
      const client = await pool.connect();
      let result: QueryResult<T>;
      try {
        result = await client.query<T>(
          prepare
            ? { name: this.nameOf(sql), text: sql, values: params }
            : { text: sql, values: params },
        );
      } finally {
        client.release();
      }
      const ms = Date.now() - started;
      const slow = this.db.options.maxQueryExecutionTime;
      if (slow && ms > slow) logger.logQuerySlow(ms, sql);
      return result.rows;
    } catch (err) {
      logger.logQueryError(err as Error, sql);
      throw new QueryFailedError(sql, undefined, err as Error);
    }
  }

  private nameOf(sql: string): string {
    let name = this.names.get(sql);
    if (!name) {
      name = `nx_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
      if (this.names.size > 10_000) this.names.clear();
      this.names.set(sql, name);
    }
    return name;
  }
}
