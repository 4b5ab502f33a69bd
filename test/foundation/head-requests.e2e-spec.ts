import { registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { createArticle } from '../content/content-helpers';

/** HEAD answers what GET would, headers included, with no body (RFC 9110 §9.3.2). */
describe.each(testModes())('HEAD requests (%s mode)', (mode) => {
  let t: TestApp;
  let slug: string;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    const author = await registerUser(t);
    token = author.accessToken;
    slug = (await createArticle(t, author.accessToken, { title: 'Heads up' }, true)).slug;
  });
  afterAll(() => t?.close());

  // Anonymous: answered from the cache at the edge; with a token: by Nest's interceptor.
  it.each(['anonymous', 'authenticated'])(
    'carries the GET headers on a cached article and answers 304 on a match (%s)',
    async (kind) => {
      const url = `/api/v1/articles/${slug}`;
      const auth = kind === 'anonymous' ? {} : { authorization: `Bearer ${token}` };
      await t.inject({ method: 'GET', url });
      const get = await t.inject({ method: 'GET', url, headers: auth });
      expect(get.statusCode).toBe(200);
      expect(get.headers['x-cache']).toBe('HIT');
      const head = await t.inject({ method: 'HEAD', url, headers: auth });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      for (const name of ['etag', 'cache-control', 'vary', 'content-type']) {
        expect({ name, value: head.headers[name] }).toEqual({ name, value: get.headers[name] });
      }
      expect(head.headers['x-cache']).toBe('HIT');

      const conditional = await t.inject({
        method: 'HEAD',
        url,
        headers: { ...auth, 'if-none-match': String(get.headers.etag) },
      });
      expect(conditional.statusCode).toBe(304);
      expect(conditional.body).toBe('');
      expect(conditional.headers.etag).toBe(get.headers.etag);
    },
  );

  it('carries the GET headers on a cached listing', async () => {
    const url = '/api/v1/tags';
    const get = await t.inject({ method: 'GET', url });
    const head = await t.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['cache-control']).toBe(get.headers['cache-control']);
  });
});
