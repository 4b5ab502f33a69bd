import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createNexusClient } from '../../packages/client/src';
import { registerUser, tokenFromMail, uniqueIdentity } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const root = join(__dirname, '..', '..');

it('has typed client types generated from the committed openapi.json (else: npm run client:generate)', () => {
  const check = spawnSync(process.execPath, [join(root, 'scripts/openapi-client.mjs'), '--check'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
});

/** The REST walk-through of docs/api.md through the typed client, against the listening app. */
describe.each(testModes())('typed client walk-through (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.close());

  it('registers, verifies, logs in, writes, publishes, comments, reacts and follows', async () => {
    const session: { token?: string } = {};
    const api = createNexusClient(t.url, { token: () => session.token });
    const me = { ...uniqueIdentity('cl'), password: 'client-Passphrase-42', displayName: 'Client' };

    const registered = await api.POST('/api/v1/auth/register', { body: me });
    expect(registered.response.status).toBe(202);
    const mail = await t.mailbox.waitFor(
      (m) => m.to.includes(me.email) && /confirm/i.test(m.subject),
    );
    const verified = await api.POST('/api/v1/auth/verify-email', {
      body: { token: tokenFromMail(mail.text) },
    });
    expect(verified.data).toEqual({ emailVerified: true });

    const login = await api.POST('/api/v1/auth/login', {
      body: { email: me.email, password: me.password },
    });
    expect(login.data?.tokenType).toBe('Bearer');
    session.token = login.data!.accessToken;

    const profile = await api.GET('/api/v1/users/me');
    expect(profile.data).toMatchObject({ username: me.username, emailVerified: true });

    const draft = await api.POST('/api/v1/articles', {
      body: { title: 'Typed client', body: 'Written with the typed client.', tags: ['client'] },
    });
    expect(draft.data?.status).toBe('draft');
    const id = draft.data!.id;
    const published = await api.POST('/api/v1/articles/{id}/publish', { params: { path: { id } } });
    expect(published.data?.status).toBe('published');

    const comment = await api.POST('/api/v1/articles/{id}/comments', {
      params: { path: { id } },
      body: { body: 'First!' },
    });
    expect(comment.data?.body).toBe('First!');
    const like = await api.PUT('/api/v1/articles/{id}/reactions/like', {
      params: { path: { id } },
    });
    expect(like.data).toEqual({ articleId: id, liked: true, likesCount: 1 });

    const author = await registerUser(t);
    const follow = await api.POST('/api/v1/users/{username}/follow', {
      params: { path: { username: author.username } },
    });
    expect(follow.data).toEqual({ following: true });

    const listed = await api.GET('/api/v1/articles', { params: { query: { tag: 'client' } } });
    expect(listed.data?.items.map((a) => a.slug)).toEqual([published.data!.slug]);

    const missing = await api.GET('/api/v1/articles/{slug}', {
      params: { path: { slug: 'no-such-article' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ status: 404, title: expect.any(String) });
  });
});
