import type { LightMyRequestResponse } from 'fastify';
import { bearer } from '../support/auth';
import type { TestApp } from '../support/test-app';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; [key: string]: unknown };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
  res: LightMyRequestResponse;
}

/** POSTs one GraphQL operation to /graphql (with a Bearer token when given). */
export async function gql<T = Record<string, unknown>>(
  t: TestApp,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GqlResult<T>> {
  const res = await t.inject({
    method: 'POST',
    url: '/graphql',
    headers: token ? bearer(token) : {},
    payload: { query, variables },
  });
  const body = res.json() as { data?: T | null; errors?: GqlError[] };
  return { status: res.statusCode, data: body.data ?? null, errors: body.errors, res };
}

/** The `extensions.code` of each error, in order. */
export const codes = (r: { errors?: GqlError[] }): string[] =>
  (r.errors ?? []).map((e) => e.extensions.code);
