import { DataSource } from 'typeorm';
import { Client } from 'pg';
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
 * Every statement that reaches the database while `fn` runs, at the driver (node-postgres
 * `Client.query`, used by TypeORM and by prepared statements alike, in both modes).
 */
export async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const sql: string[] = [];
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const first = args[0] as string | { text?: string };
    sql.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as unknown as Client['query']);
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return sql;
}

/** The content statements (its tables and the users it joins) among `statementsDuring(fn)`. */
export async function countContentQueries(
  fn: () => Promise<unknown>,
): Promise<{ count: number; sql: string[] }> {
  const sql = (await statementsDuring(fn)).filter((text) =>
    /\b(articles|article_tags|tags|comments|reactions|users|follows)\b/.test(text),
  );
  return { count: sql.length, sql };
}
const original = Client.prototype.query;

export function dataSource(t: TestApp): DataSource {
  return t.app.get(DataSource);
}
