import { registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { codes, gql } from './graphql-helpers';

describe.each(testModes())('GraphQL basics (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { listen: false });
  });
  afterAll(() => t?.close());

  it('answers me for a token and UNAUTHENTICATED without one', async () => {
    const user = await registerUser(t);
    const ok = await gql<{ me: { username: string; email: string } }>(
      t,
      '{ me { username email emailVerified } }',
      undefined,
      user.accessToken,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.me).toMatchObject({ username: user.username, email: user.email });
    const anonymous = await gql(t, '{ me { username } }');
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors![0].path).toEqual(['me']);
    expect(JSON.stringify(anonymous.errors)).not.toMatch(/at .*\.ts:\d+/);
    const badToken = await gql(t, '{ me { username } }', undefined, 'not.a.jwt');
    expect(codes(badToken)).toEqual(['UNAUTHENTICATED']);
  });

  it('validates inputs with the REST rules: BAD_USER_INPUT with field errors', async () => {
    const r = await gql(
      t,
      'mutation($input: RegisterInput!) { register(input: $input) { message } }',
      { input: { email: 'not-an-email', username: 'x', password: 'short', displayName: 'A' } },
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const fields = (r.errors![0].extensions.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'username', 'password']));
  });

  it('refuses control characters in strings (core input hygiene), in literals and variables', async () => {
    const literal = await gql(t, '{ user(username: "ab\\u0000c") { username } }');
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    const variable = await gql(t, 'query($u: String!) { user(username: $u) { username } }', {
      u: 'ab\u0007c',
    });
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    // The document's own check is kept per document; variables are checked on every request.
    const same = 'query($u: String!) { user(username: $u) { username } }';
    expect(codes(await gql(t, same, { u: 'nobody_here' }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(t, same, { u: 'ab\u0007c' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers NOT_FOUND for an unknown user, with the REST problem type', async () => {
    const r = await gql(t, '{ user(username: "nobody_here") { username } }');
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors![0].extensions.status).toBe(404);
  });
});
