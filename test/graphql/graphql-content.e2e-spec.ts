import {
  bearer,
  registerUser,
  RegisteredUser,
  tokenFromMail,
  uniqueIdentity,
} from '../support/auth';
import { createArticle, statementsDuring } from '../content/content-helpers';
import { QueueRegistry } from '@nexus/core';
import { testModes } from '../support/modes';
import { queuesIdle, waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';
import { codes, gql } from './graphql-helpers';

describe.each(testModes())('GraphQL content (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    // Background writers and readers (request log, outbox poller, geolocation, the blacklist's
    // periodic reload) would add their statements to the counts below: the counts are about the
    // query's own. (A loaded machine stretches this suite past the reload's 60 s.)
    t = await startTestApp(mode, {
      listen: false,
      env: {
        REQUEST_LOG_ENABLED: 'false',
        GEOIP_ENABLED: 'false',
        OUTBOX_POLL_MS: '600000',
        BLOCKS_REFRESH_SECONDS: '3600',
      },
    });
  });
  afterAll(() => t?.close());

  it('walks register → verify → login → createArticle → publishArticle → addComment → react → follow → notifications', async () => {
    const reader = await registerUser(t);
    const me = {
      ...uniqueIdentity('gq'),
      password: 'a-long-Passphrase-77',
      displayName: 'Grace Q',
    };
    const registered = await gql(
      t,
      'mutation($input: RegisterInput!) { register(input: $input) { message } }',
      { input: me },
    );
    expect(registered.errors).toBeUndefined();
    const mail = await t.mailbox.waitFor(
      (m) => m.to.includes(me.email) && /confirm/i.test(m.subject),
    );
    const verified = await gql(t, 'mutation($token: String!) { verifyEmail(token: $token) }', {
      token: tokenFromMail(mail.text),
    });
    expect(verified.data).toEqual({ verifyEmail: true });
    const login = await gql<{ login: { accessToken: string; refreshToken: string } }>(
      t,
      'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken tokenType } }',
      { input: { email: me.email, password: me.password } },
    );
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.accessToken;

    const created = await gql<{ createArticle: { id: string; slug: string; status: string } }>(
      t,
      `mutation($input: CreateArticleInput!) {
         createArticle(input: $input) { id slug status tags author { username } }
       }`,
      { input: { title: 'GraphQL walk', body: 'Written through GraphQL.', tags: ['Graph QL'] } },
      token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createArticle).toMatchObject({ status: 'draft', tags: ['graph-ql'] });
    const { id, slug } = created.data!.createArticle;

    const published = await gql(
      t,
      'mutation($id: ID!) { publishArticle(id: $id) { status publishedAt } }',
      { id },
      token,
    );
    expect(published.data).toMatchObject({ publishArticle: { status: 'published' } });

    const comment = await gql(
      t,
      'mutation($a: ID!, $input: AddCommentInput!) { addComment(articleId: $a, input: $input) { body author { username } } }',
      { a: id, input: { body: 'Nice one' } },
      reader.accessToken,
    );
    expect(comment.data).toEqual({
      addComment: { body: 'Nice one', author: { username: reader.username } },
    });
    const liked = await gql(
      t,
      'mutation($a: ID!) { react(articleId: $a) { liked likesCount } }',
      { a: id },
      reader.accessToken,
    );
    expect(liked.data).toEqual({ react: { liked: true, likesCount: 1 } });
    const followed = await gql(
      t,
      'mutation($u: String!) { follow(username: $u) }',
      { u: me.username },
      reader.accessToken,
    );
    expect(followed.data).toEqual({ follow: true });

    // What the reader now sees, through the same caches and listings as REST.
    const feed = await gql<{ feed: { edges: { node: { slug: string } }[] } }>(
      t,
      '{ feed(first: 5) { edges { node { slug } } pageInfo { hasNextPage } } }',
      undefined,
      reader.accessToken,
    );
    expect(feed.data!.feed.edges.map((e) => e.node.slug)).toEqual([slug]);
    const read = await gql(
      t,
      `query($slug: String!) { article(slug: $slug) {
         title body likesCount commentsCount comments(first: 5) { body author { username } }
       } }`,
      { slug },
    );
    expect(read.data).toEqual({
      article: {
        title: 'GraphQL walk',
        body: 'Written through GraphQL.',
        likesCount: 1,
        commentsCount: 1,
        comments: [{ body: 'Nice one', author: { username: reader.username } }],
      },
    });
    const rest = await t.inject({ method: 'GET', url: `/api/v1/articles/${slug}` });
    expect(rest.json()).toMatchObject({ likesCount: 1, commentsCount: 1 });

    // The author reads what happened: the comment and the new follower, then marks one read.
    type Notifications = {
      notifications: { edges: { node: { id: string; type: string; actorId: string } }[] };
      unreadCount: number;
    };
    const inbox = () =>
      gql<Notifications>(
        t,
        '{ notifications(first: 10) { edges { node { id type actorId } } } unreadCount }',
        undefined,
        token,
      );
    const seen = await waitUntil(
      async () => {
        const r = await inbox();
        const types = r.data?.notifications.edges.map((e) => e.node.type) ?? [];
        return types.includes('comment.on_article') && types.includes('follower.new') && r;
      },
      { what: 'the comment and follower notifications' },
    );
    expect(seen.errors).toBeUndefined();
    const edges = seen.data!.notifications.edges;
    const fromReader = edges.filter((e) =>
      ['comment.on_article', 'follower.new'].includes(e.node.type),
    );
    expect(fromReader.map((e) => e.node.actorId)).toEqual([reader.id, reader.id]);
    const unread = seen.data!.unreadCount;
    expect(unread).toBe(edges.length);
    const marked = await gql(
      t,
      'mutation($id: ID!) { markNotificationRead(id: $id) }',
      { id: edges[0].node.id },
      token,
    );
    expect(marked.data).toEqual({ markNotificationRead: true });
    expect((await inbox()).data!.unreadCount).toBe(unread - 1);
  });

  it('applies the REST rules: BOLA, hidden drafts, validation of ids', async () => {
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const draft = await createArticle(t, owner.accessToken, { title: 'Secret draft' });
    const hidden = await gql(t, 'query($s: String!) { article(slug: $s) { title } }', {
      s: draft.slug,
    });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    const mine = await gql(
      t,
      'query($s: String!) { article(slug: $s) { title status } }',
      { s: draft.slug },
      owner.accessToken,
    );
    expect(mine.data).toEqual({ article: { title: 'Secret draft', status: 'draft' } });
    const published = await createArticle(t, owner.accessToken, { title: 'Public one' }, true);
    const foreign = await gql(
      t,
      'mutation($id: ID!) { updateArticle(id: $id, input: { title: "Mine now" }) { title } }',
      { id: published.id },
      other.accessToken,
    );
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    const badId = await gql(
      t,
      'mutation { deleteArticle(id: "not-a-uuid") }',
      undefined,
      owner.accessToken,
    );
    expect(codes(badId)).toEqual(['BAD_USER_INPUT']);
    const anonymous = await gql(
      t,
      'mutation { deleteArticle(id: "00000000-0000-4000-8000-000000000000") }',
    );
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const badCursor = await gql(t, '{ articles(after: "forged") { edges { cursor } } }');
    expect(codes(badCursor)).toEqual(['BAD_USER_INPUT']);
  });

  describe('a page of 20 articles', () => {
    let authors: RegisteredUser[];
    beforeAll(async () => {
      authors = [await registerUser(t), await registerUser(t), await registerUser(t)];
      for (let i = 0; i < 24; i++) {
        const author = authors[i % authors.length];
        const a = await createArticle(
          t,
          author.accessToken,
          { title: `Batch ${i}`, tags: [`t${i % 4}`, 'batch'] },
          true,
        );
        if (i % 2 === 0) {
          await t.inject({
            method: 'POST',
            url: `/api/v1/articles/${a.id}/comments`,
            headers: bearer(authors[(i + 1) % authors.length].accessToken),
            payload: { body: `comment on ${i}` },
          });
        }
      }
      // Followers' notifications of these articles are written in the background.
      await queuesIdle(t.app.get(QueueRegistry));
    });

    it('reads author, tags, comment count and first comments in a constant number of statements', async () => {
      const query = `{ articles(first: 20, filter: { tag: "batch" }) {
          edges { node { title tags commentsCount author { username displayName }
                         comments(first: 2) { body author { username } } } }
          pageInfo { hasNextPage endCursor } } }`;
      let result: Awaited<ReturnType<typeof gql>> | undefined;
      const sql = await statementsDuring(async () => {
        result = await gql(t, query);
      });
      expect(result!.errors).toBeUndefined();
      const edges = (
        result!.data as {
          articles: {
            edges: {
              node: { author: { username: string }; tags: string[]; comments: unknown[] };
            }[];
          };
        }
      ).articles.edges;
      expect(edges).toHaveLength(20);
      expect(new Set(edges.map((e) => e.node.author.username)).size).toBe(3);
      expect(edges.every((e) => e.node.tags.includes('batch'))).toBe(true);
      expect(edges.filter((e) => e.node.comments.length === 1).length).toBeGreaterThanOrEqual(9);
      // Listing (1), first comments of the 20 articles (1), commenters' cards (at most 1): never
      // one per article. A resolver that queried per article would issue 20+.
      expect(sql.length).toBeGreaterThan(0);
      expect(sql.length).toBeLessThanOrEqual(4);
    });

    it("reads each author's newest articles in one statement (User.articles)", async () => {
      const query = `{ articles(first: 20, filter: { tag: "batch" }) {
          edges { node { author { username articles(first: 3) { title tags } } } } } }`;
      let result: Awaited<ReturnType<typeof gql>> | undefined;
      const sql = await statementsDuring(async () => {
        result = await gql(t, query);
      });
      expect(result!.errors).toBeUndefined();
      const edges = (
        result!.data as { articles: { edges: { node: { author: { articles: unknown[] } } }[] } }
      ).articles.edges;
      expect(edges.every((e) => e.node.author.articles.length === 3)).toBe(true);
      expect(sql.length).toBeLessThanOrEqual(2);
    });
  });
});
