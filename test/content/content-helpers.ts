import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { TestApp } from '../support/test-app';

export const PROBLEM = /^application\/problem\+json/;

export const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});

export interface ArticleInput {
  title: string;
  body: string;
  excerpt?: string;
  coverUrl?: string | null;
  tags?: string[];
}

/** Creates an article through the API (201 expected) and optionally publishes it. */
export async function createArticle(
  t: TestApp,
  token: string,
  input: Partial<ArticleInput> = {},
  publish = false,
): Promise<{ id: string; slug: string; title: string; status: string }> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/articles',
    headers: auth(token),
    payload: { title: 'An article', body: 'Some body text.', ...input },
  });
  if (res.statusCode !== 201) throw new Error(`create article: ${res.statusCode} ${res.body}`);
  const article = res.json();
  if (!publish) return article;
  const pub = await t.inject({
    method: 'POST',
    url: `/api/v1/articles/${article.id}/publish`,
    headers: auth(token),
  });
  if (pub.statusCode !== 200) throw new Error(`publish: ${pub.statusCode} ${pub.body}`);
  return pub.json();
}

/**
 * Counts SQL statements that mention content tables while `fn` runs, by spying on the one
 * method every TypeORM postgres statement goes through (repositories, query builders and
 * `DataSource.query` alike), in both modes.
 */
export async function countContentQueries(
  fn: () => Promise<unknown>,
): Promise<{ count: number; sql: string[] }> {
  const sql: string[] = [];
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
    this: PostgresQueryRunner,
    ...args: Parameters<PostgresQueryRunner['query']>
  ) {
    if (/\b(articles|article_tags|tags|comments|reactions|users|follows)\b/.test(args[0]))
      sql.push(args[0]);
    return original.apply(this, args);
  } as PostgresQueryRunner['query']);
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return { count: sql.length, sql };
}
const original = PostgresQueryRunner.prototype.query;

export function dataSource(t: TestApp): DataSource {
  return t.app.get(DataSource);
}
