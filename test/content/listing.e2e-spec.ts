import { ADMIN_ENV, RegisteredUser, registerUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, createArticle, PROBLEM } from './content-helpers';

interface Page {
  items: {
    id: string;
    title: string;
    publishedAt: string;
    rank?: number;
    score?: number;
    tags: string[];
  }[];
  nextCursor: string | null;
}

describe.each(testModes())('article listing, search and pagination (%s mode)', (mode) => {
  let t: TestApp;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { ...ADMIN_ENV } });
    [alice, bob] = [await registerUser(t), await registerUser(t)];
  });
  afterAll(() => t?.close());

  const list = async (query: string): Promise<Page> => {
    const res = await t.inject(`/api/v1/articles?${query}`);
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('pages with a stable keyset cursor while new articles are published concurrently', async () => {
    const original: string[] = [];
    for (let i = 0; i < 23; i++) {
      original.unshift(
        (await createArticle(t, alice.accessToken, { title: `Paged ${i}`, tags: ['paging'] }, true))
          .id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      // Publish new articles (and a draft) while the reader is between pages.
      const [page]: [Page, unknown, unknown] = await Promise.all([
        list(`tag=paging&limit=5${cursor ? `&cursor=${cursor}` : ''}`),
        createArticle(
          t,
          bob.accessToken,
          { title: `Concurrent ${inserted++}`, tags: ['paging'] },
          true,
        ),
        createArticle(t, bob.accessToken, {
          title: `Concurrent draft ${inserted}`,
          tags: ['paging'],
        }),
      ]);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const fromOriginal = seen.filter((id) => original.includes(id));
    expect(fromOriginal).toEqual(original); // each exactly once, in order, none skipped
    expect(new Set(seen).size).toBe(seen.length);
    // Whatever was published during the walk is newer than the cursor and shows on page one.
    const top = await list('tag=paging&limit=5');
    expect(top.items[0].title).toMatch(/^Concurrent/);
  });

  it('ranks search results: title matches above body matches, unrelated ones absent', async () => {
    const inTitle = await createArticle(
      t,
      alice.accessToken,
      { title: 'Quantum entanglement explained', body: 'A gentle tour of physics.' },
      true,
    );
    const inBody = await createArticle(
      t,
      alice.accessToken,
      { title: 'Notes from a lab', body: 'We talked about quantum entanglement over coffee.' },
      true,
    );
    const once = await createArticle(
      t,
      alice.accessToken,
      { title: 'Quantum computers', body: 'Qubits.' },
      true,
    );
    await createArticle(
      t,
      alice.accessToken,
      { title: 'Gardening', body: 'Tomatoes and basil.' },
      true,
    );
    await createArticle(t, alice.accessToken, {
      title: 'Quantum entanglement drafts',
      body: 'secret',
    });

    const res = await list('q=quantum%20entanglement');
    expect(res.items.map((i) => i.id)).toEqual([inTitle.id, inBody.id]);
    expect(res.items[0].rank!).toBeGreaterThan(res.items[1].rank!);
    // Web-search syntax: quoted phrases, exclusion, or.
    expect(
      (await list('q=%22quantum%20entanglement%22%20-explained')).items.map((i) => i.id),
    ).toEqual([inBody.id]);
    expect((await list('q=qubits%20or%20basil')).items).toHaveLength(2);
    // Stemming: "explaining" finds "explained".
    expect((await list('q=explaining')).items.map((i) => i.id)).toContain(inTitle.id);
    expect((await list('q=quantum&sort=recent')).items.map((i) => i.id)).toEqual([
      once.id,
      inBody.id,
      inTitle.id,
    ]);
  });

  it.each([
    ['operators only', `!!!(((:*&|`],
    ['a lone quote', `'`],
    ['tsquery syntax', `a & | b <-> !`],
    ['only stop words', 'the and of'],
    ['backslashes', '\\\\ \\'],
    ['emoji', '🔥 cache'],
  ])('never fails on a garbage query (%s)', async (_, q) => {
    const res = await t.inject(`/api/v1/articles?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(Array.isArray(res.json().items)).toBe(true);
  });

  it('pages through equally ranked search results without duplicates, even while new matches are published', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        (
          await createArticle(
            t,
            bob.accessToken,
            { title: `Zyzzyva number ${i}`, body: 'Same text.' },
            true,
          )
        ).id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let extra = 0;
    do {
      const page: Page = await list(`q=zyzzyva&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      // A new, better-ranked match (title and body) arrives between pages.
      await createArticle(
        t,
        bob.accessToken,
        { title: `Zyzzyva zyzzyva ${extra++}`, body: 'Zyzzyva.' },
        true,
      );
    } while (cursor);
    // The cursor froze the candidate window: exactly the articles that existed at page one.
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await list('q=zyzzyva&limit=1')).items[0].title).toMatch(/^Zyzzyva zyzzyva/);
  });

  it('filters by tag, author and date range', async () => {
    const a = await createArticle(
      t,
      alice.accessToken,
      { title: 'Filter A', tags: ['Filter-Tag'] },
      true,
    );
    const b = await createArticle(
      t,
      bob.accessToken,
      { title: 'Filter B', tags: ['filter-tag'] },
      true,
    );
    expect((await list('tag=filter-tag')).items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect((await list('tag=FILTER%20TAG')).items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect((await list(`tag=filter-tag&author=${bob.username}`)).items.map((i) => i.id)).toEqual([
      b.id,
    ]);
    expect(
      (await list(`tag=filter-tag&author=${alice.username.toUpperCase()}`)).items.map((i) => i.id),
    ).toEqual([a.id]);
    expect((await list('author=nobody-at-all')).items).toEqual([]);
    expect((await list('tag=no-such-tag')).items).toEqual([]);
    const bAt = (await list('tag=filter-tag')).items[0].publishedAt;
    expect(
      (await list(`tag=filter-tag&to=${encodeURIComponent(bAt)}`)).items.map((i) => i.id),
    ).toEqual([a.id]);
    expect(
      (await list(`tag=filter-tag&from=${encodeURIComponent(bAt)}`)).items.map((i) => i.id),
    ).toEqual([b.id]);
  });

  it('sorts top by likes within the window, keyset-paged', async () => {
    const one = await createArticle(
      t,
      alice.accessToken,
      { title: 'One like', tags: ['top-test'] },
      true,
    );
    const two = await createArticle(
      t,
      alice.accessToken,
      { title: 'Two likes', tags: ['top-test'] },
      true,
    );
    await createArticle(t, alice.accessToken, { title: 'No likes', tags: ['top-test'] }, true);
    for (const [article, users] of [
      [one, [bob]],
      [two, [bob, alice]],
    ] as const) {
      for (const u of users) {
        await t.inject({
          method: 'PUT',
          url: `/api/v1/articles/${article.id}/reactions/like`,
          headers: auth(u.accessToken),
        });
      }
    }
    const first = await list('tag=top-test&sort=top&limit=1');
    expect(first.items).toMatchObject([{ id: two.id, score: 2 }]);
    const second = await list(`tag=top-test&sort=top&limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ id: one.id, score: 1 }], nextCursor: null });
    expect((await list('tag=top-test&sort=top&window=1')).items).toHaveLength(2);
  });

  it.each([
    ['limit above 100', 'limit=101'],
    ['limit 0', 'limit=0'],
    ['a non-numeric limit', 'limit=ten'],
    ['a garbage cursor', 'cursor=not-a-cursor'],
    ['a base64 cursor of garbage', `cursor=${Buffer.from('{"a":1}').toString('base64url')}`],
    ['an unknown sort', 'sort=random'],
    ['relevance without q', 'sort=relevance'],
    ['an invalid date', 'from=yesterday'],
    ['an ISO week date', 'from=2026-W01'],
    ['a bare year', 'to=2026'],
    ['year zero', 'from=0000-01-01T00:00:00Z'],
    ['February 30th', 'to=2026-02-30'],
    ['from after to', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
    ['an unknown parameter', 'page=2'],
    ['a 201-character query', `q=${'a'.repeat(201)}`],
    ['a window of 0 days', 'sort=top&window=0'],
  ])('answers %s with 400 problem+json', async (_, query) => {
    const res = await t.inject(`/api/v1/articles?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('rejects a cursor of another ordering', async () => {
    for (let i = 0; i < 3; i++)
      await createArticle(t, alice.accessToken, { title: `Cursor kind ${i}` }, true);
    const recent = await list('limit=1');
    const res = await t.inject(`/api/v1/articles?limit=1&sort=top&cursor=${recent.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('https://nexus.dev/problems/invalid-cursor');
    // The feed pages newest-first too, but over other articles: its own cursor scope.
    const feed = await t.inject({
      url: `/api/v1/feed?limit=1&cursor=${recent.nextCursor}`,
      headers: auth(bob.accessToken),
    });
    expect(feed.statusCode).toBe(400);
    expect(feed.json().type).toBe('https://nexus.dev/problems/invalid-cursor');
    // The same cursor is accepted where it was issued.
    expect(
      (await t.inject(`/api/v1/articles?limit=1&cursor=${recent.nextCursor}`)).statusCode,
    ).toBe(200);
  });

  it('rejects forged and tampered cursors', async () => {
    for (let i = 0; i < 3; i++)
      await createArticle(t, alice.accessToken, { title: `Forged cursor ${i}` }, true);
    const page = await list('limit=1');
    const [body, mac] = page.nextCursor!.split('.');
    const [at, id] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as string[];
    const encode = (tuple: unknown) => Buffer.from(JSON.stringify(tuple)).toString('base64url');
    const forged = [
      // A well-formed position without a signature (what clients could build before).
      encode([at, id]),
      // Another position under the issued signature.
      `${encode([new Date(Date.parse(at) + 1000).toISOString(), id])}.${mac}`,
      // The issued position with a made-up signature.
      `${body}.${Buffer.alloc(16).toString('base64url')}`,
    ];
    for (const cursor of forged) {
      const res = await t.inject(`/api/v1/articles?limit=1&cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json().type).toBe('https://nexus.dev/problems/invalid-cursor');
    }
  });
});
