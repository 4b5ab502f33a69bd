import { randomInt } from 'node:crypto';
import { bearer, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { GqlError } from './graphql-helpers';

/** A login attempt for an unknown account: the per-account lockout never starts. */
const LOGIN = (alias: string) =>
  `${alias}: login(input: { email: "nobody-${alias}-${randomInt(1e9)}@example.test", ` +
  `password: "wrong-password-1" }) { accessToken }`;

/** A fresh documentation address per use: full mode's counters live in a shared Redis. */
const address = () => `198.51.${randomInt(100, 200)}.${randomInt(1, 255)}`;

describe.each(testModes())(
  'GraphQL operations count against the route limits (%s mode)',
  (mode) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(mode, { listen: false, env: { RATE_LIMIT_ROUTES: 'true' } });
    });
    afterAll(() => t?.close());

    const graphql = async (remoteAddress: string, payload: object, token?: string) => {
      const res = await t.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress,
        headers: token ? bearer(token) : {},
        payload,
      });
      return { res, body: res.json() as unknown };
    };
    /** The code of each aliased field's error, by alias (null for a field that succeeded). */
    const byAlias = (body: unknown, aliases: string[]) => {
      const { errors = [] } = body as { errors?: GqlError[] };
      return aliases.map((a) => errors.find((e) => e.path?.[0] === a)?.extensions.code ?? null);
    };
    const restLogin = (remoteAddress: string, i: number) =>
      t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { email: `nobody-rest-${i}-${randomInt(1e9)}@example.test`, password: 'wrong-1' },
      });

    it('counts each aliased login: the 6th alias of one document is RATE_LIMITED', async () => {
      const aliases = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
      const { res, body } = await graphql(address(), {
        query: `mutation { ${aliases.map(LOGIN).join(' ')} }`,
      });
      // Some fields ran: GraphQL over HTTP answers 200; the wait is a header and an extension.
      expect(res.statusCode).toBe(200);
      expect(byAlias(body, aliases)).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
      const limited = (body as { errors: GqlError[] }).errors.find((e) => e.path?.[0] === 'a6')!;
      expect(limited.extensions).toMatchObject({
        status: 429,
        type: 'https://nexus.dev/problems/rate-limited',
      });
      expect(limited.extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('counts each operation of a batch: the 6th login of a batch is RATE_LIMITED', async () => {
      const batch = Array.from({ length: 6 }, (_, i) => ({
        query: `mutation { ${LOGIN(`b${i}`)} }`,
      }));
      const { res, body } = await graphql(address(), batch);
      expect(res.statusCode).toBe(200);
      const sequence = (body as { errors: GqlError[] }[]).map((r) => r.errors[0].extensions.code);
      expect(sequence).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    });

    it('shares the login counter with REST, both ways', async () => {
      const ip = address();
      for (let i = 0; i < 3; i++) expect((await restLogin(ip, i)).statusCode).toBe(401);
      const { body } = await graphql(ip, {
        query: `mutation { ${LOGIN('g1')} ${LOGIN('g2')} ${LOGIN('g3')} }`,
      });
      expect(byAlias(body, ['g1', 'g2', 'g3'])).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'RATE_LIMITED',
      ]);
      const rest = await restLogin(ip, 9);
      expect(rest.statusCode).toBe(429);
      // Another address has its own budget on both APIs.
      const other = await graphql(address(), { query: `mutation { ${LOGIN('o1')} }` });
      expect(byAlias(other.body, ['o1'])).toEqual(['UNAUTHENTICATED']);
    });

    it('counts GraphQL writes in the same per-user write budget as REST', async () => {
      const [a, b] = [await registerUser(t), await registerUser(t)];
      const ip = address();
      for (let i = 0; i < 28; i++) {
        const res = await t.inject({
          method: i % 2 ? 'DELETE' : 'POST',
          url: `/api/v1/users/${b.username}/follow`,
          remoteAddress: ip,
          headers: bearer(a.accessToken),
        });
        expect(res.statusCode).toBeLessThan(300);
      }
      const { body } = await graphql(
        ip,
        {
          query: `mutation($u: String!) { w1: follow(username: $u) w2: unfollow(username: $u) w3: follow(username: $u) }`,
          variables: { u: b.username },
        },
        a.accessToken,
      );
      expect(byAlias(body, ['w1', 'w2', 'w3'])).toEqual([null, null, 'RATE_LIMITED']);
      // (follow is non-null, so the refused field nulls `data` as a whole: GraphQL's rule.)
      const rest = await t.inject({
        method: 'POST',
        url: `/api/v1/users/${b.username}/follow`,
        remoteAddress: ip,
        headers: bearer(a.accessToken),
      });
      expect(rest.statusCode).toBe(429);
      // Reads are not counted, and another user's budget is untouched.
      const reads = await graphql(ip, { query: '{ me { username } }' }, a.accessToken);
      expect((reads.body as { errors?: unknown }).errors).toBeUndefined();
      const other = await graphql(
        ip,
        { query: 'mutation($u: String!) { follow(username: $u) }', variables: { u: a.username } },
        b.accessToken,
      );
      expect((other.body as { data: unknown }).data).toEqual({ follow: true });
    });
  },
);
