import { registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { codes, gql, GqlError } from './graphql-helpers';

const LOGIN = (alias: string, email: string) =>
  `${alias}: login(input: { email: "${email}", password: "wrong-password-1" }) { accessToken }`;

describe.each(testModes())('GraphQL hostile queries (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { listen: false });
  });
  afterAll(() => t?.close());

  /** The process still answers, and answers GraphQL, after a refusal. */
  async function expectHealthy(): Promise<void> {
    expect((await t.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ok = await gql(t, '{ tags { name } }');
    expect(ok.status).toBe(200);
    expect(ok.errors).toBeUndefined();
  }

  /** A request refused as a whole: 4xx, GraphQL-shaped, one error naming the limit. */
  function expectRefused(
    r: { status: number; errors?: GqlError[] },
    limit: string,
    status = 400,
  ): void {
    expect(r.status).toBe(status);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].extensions.limit).toBe(limit);
    expect(r.errors![0].message).toMatch(/limit|at most|larger/);
  }

  it('refuses deep nesting', async () => {
    let selection = 'title';
    for (let i = 0; i < 8; i++) selection = `author { articles(first: 1) { ${selection} } }`;
    const r = await gql(t, `{ articles(first: 1) { edges { node { ${selection} } } } }`);
    expectRefused(r, 'depth');
    await expectHealthy();
  });

  it('refuses an alias bomb', async () => {
    const fields = Array.from({ length: 200 }, (_, i) => `a${i}: tags { name }`).join(' ');
    expectRefused(await gql(t, `{ ${fields} }`), 'aliases');
    await expectHealthy();
  });

  it('refuses a query whose cost (fields × page sizes) is over the limit', async () => {
    const r = await gql(
      t,
      `query($n: Int!) { articles(first: 100) { edges { node {
         author { articles(first: $n) { comments(first: 50) { body author { username } } } }
       } } } }`,
      { n: 50 },
    );
    expectRefused(r, 'cost');
    // The same shape with small pages is fine: the cost follows the sizes asked for.
    const small = await gql(
      t,
      `query($n: Int!) { articles(first: 5) { edges { node {
         author { articles(first: $n) { comments(first: 2) { body } } } } } } }`,
      { n: 2 },
    );
    expect(small.errors).toBeUndefined();
    // What depends on the document alone is kept per parsed document: one text asked again with
    // larger pages in its variables is judged on them, and a fixed over-cost text stays refused.
    const sized = `query($m: Int!, $n: Int!, $c: Int!) { articles(first: $m) { edges { node {
         author { articles(first: $n) { comments(first: $c) { body } } } } } } }`;
    expect(codes(await gql(t, sized, { m: 5, n: 2, c: 2 }))).toEqual([]);
    expectRefused(await gql(t, sized, { m: 100, n: 50, c: 50 }), 'cost');
    expect(codes(await gql(t, sized, { m: 5, n: 2, c: 2 }))).toEqual([]);
    const fixed = `{ articles(first: 100) { edges { node {
         author { articles(first: 50) { comments(first: 50) { body } } } } } } }`;
    expectRefused(await gql(t, fixed), 'cost');
    expectRefused(await gql(t, fixed), 'cost');
  });

  it('refuses a batch of 100 logins as a whole, before any attempt runs', async () => {
    const user = await registerUser(t);
    const batch = Array.from({ length: 100 }, () => ({
      query: `mutation { ${LOGIN('l', user.email)} }`,
    }));
    const res = await t.inject({ method: 'POST', url: '/graphql', payload: batch });
    const body = res.json() as { errors: GqlError[] };
    expectRefused({ status: res.statusCode, errors: body.errors }, 'batch');
    // Nothing was attempted: the right password still works.
    const ok = await gql(t, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: user.email, password: user.password },
    });
    expect(ok.errors).toBeUndefined();
    await expectHealthy();
  });

  it('refuses a 1 MB query (body limit) and a query over the document size limit', async () => {
    const huge = await t.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `{ ${'tags { name } '.repeat(80_000)} }` },
    });
    expect(huge.statusCode).toBe(413);
    expect((huge.json() as { errors: GqlError[] }).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    const big = await gql(t, `{ ${'tags { name } '.repeat(2000)} }`);
    expectRefused(big, 'size', 413);
    await expectHealthy();
  });

  it('refuses a query with 10k fields', async () => {
    expectRefused(await gql(t, `{ ${'__typename '.repeat(10_000)} }`), 'size', 413);
    await expectHealthy();
  });

  it('answers syntax errors and unknown fields with BAD_USER_INPUT, never a 500', async () => {
    for (const query of ['{ articles { ', '{ nope }', 'mutation { login }', '']) {
      const r = await gql(t, query);
      expect(r.status).toBeLessThan(500);
      expect(codes(r).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
      expect(codes(r).length).toBeGreaterThan(0);
    }
    await expectHealthy();
  });

  it('counts aliased logins towards the REST lockout, attempt by attempt', async () => {
    const rest = await registerUser(t);
    const restStatuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: rest.email, password: 'wrong-password-1' },
      });
      restStatuses.push(res.statusCode);
    }
    const user = await registerUser(t);
    const aliases = Array.from({ length: 7 }, (_, i) => LOGIN(`a${i}`, user.email)).join(' ');
    const r = await gql(t, `mutation { ${aliases} }`);
    const byAlias = Object.fromEntries(r.errors!.map((e) => [e.path![0], e.extensions.code]));
    const sequence = Array.from({ length: 7 }, (_, i) => byAlias[`a${i}`]);
    const asRest = restStatuses.map((s) =>
      s === 401 ? 'UNAUTHENTICATED' : s === 429 ? 'RATE_LIMITED' : s,
    );
    expect(sequence).toEqual(asRest);
    expect(sequence.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    // Locked out like REST: even the right password is refused now, on both APIs.
    const locked = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(locked.statusCode).toBe(429);
  });

  it('counts the logins of a batch one after another, like separate requests', async () => {
    const user = await registerUser(t);
    const batch = Array.from({ length: 8 }, () => ({
      query: `mutation { ${LOGIN('l', user.email)} }`,
    }));
    const res = await t.inject({ method: 'POST', url: '/graphql', payload: batch });
    expect(res.statusCode).toBe(200);
    const results = res.json() as { errors: GqlError[] }[];
    const sequence = results.map((b) => b.errors[0].extensions.code);
    expect(sequence.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(sequence.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    const rateLimited = results.find((b) => b.errors[0].extensions.code === 'RATE_LIMITED')!;
    expect(rateLimited.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('GraphQL in production (defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded', { listen: false, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t?.close());

  it('refuses introspection and serves no IDE', async () => {
    const r = await gql(t, '{ __schema { queryType { name } } }');
    expect(r.status).toBe(403);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const typeQuery = await gql(t, '{ __type(name: "Article") { name } }');
    expect(codes(typeQuery)).toEqual(['FORBIDDEN']);
    expect((await t.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
    // Ordinary queries still work.
    const ok = await gql(t, '{ tags { name } }');
    expect(ok.errors).toBeUndefined();
  });
});
