import { explainContentQueries } from '@nexus/content';
import { BulkDataGenerator, DemoDataSeeder, DemoModule, SAMPLE_SEARCH_TERMS } from '@nexus/demo';
import { DataSource } from 'typeorm';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

/** Articles of the moderate data set: enough for the planner to prefer the indexes it would use at 100k. */
const ARTICLES = Number(process.env.CONTENT_EXPLAIN_ARTICLES ?? 20_000);
/**
 * Embedded mode checks that the bulk generator works on PGlite with a smaller set; the query plans
 * are checked on PostgreSQL, where data sets of that size live (the same planner, five times
 * faster to seed; 20k articles in PGlite alone took a minute and a half of CI).
 */
const EMBEDDED_ARTICLES = 2_000;

describe.each(testModes())('demo data, bulk seed and query plans (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { imports: [DemoModule] });
  });
  afterAll(() => t?.close());

  // How long seeding takes is measured by bench/experiments/first-start.mjs, not here.
  it('seeds demo data through the services, only into an empty database', async () => {
    const seeder = t.app.get(DemoDataSeeder);
    expect(await seeder.seed()).toBe(true);
    expect(await seeder.seed()).toBe(false);

    const list = (await t.inject('/api/v1/articles?limit=100')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(10);
    expect(list.items.every((i: { tags: string[] }) => i.tags.length > 0)).toBe(true);
    expect(list.items.some((i: { likesCount: number }) => i.likesCount > 0)).toBe(true);
    expect(list.items.some((i: { commentsCount: number }) => i.commentsCount > 0)).toBe(true);
    expect((await t.inject('/api/v1/tags')).json().length).toBeGreaterThan(0);
    expect((await t.inject('/api/v1/trending')).json().items.length).toBeGreaterThan(0);
    const [{ drafts }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS drafts FROM articles WHERE status = 'draft'`);
    expect(drafts).toBeGreaterThan(0);
    expect(list.items).toHaveLength(14 - drafts);
  });

  const articles = mode === 'full' ? ARTICLES : EMBEDDED_ARTICLES;

  const plans = mode === 'full' ? ', and the queries use the intended indexes' : '';
  it(`bulk-seeds ${articles} articles${plans}`, async () => {
    const result = await t.app.get(BulkDataGenerator).seedBulk(articles);
    expect(result.articles).toBeGreaterThan(articles - 20);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM articles`);
    expect(n).toBe(articles);
    if (mode === 'full') await expectIntendedPlans(t);
    // The seeded data answers through the API as well.
    const page = (await t.inject('/api/v1/articles?limit=100')).json();
    expect(page.items).toHaveLength(100);
    expect(page.nextCursor).toEqual(expect.any(String));
  }, 300_000);
});

/** Listing, search, feed and trending use the indexes they were designed for. */
async function expectIntendedPlans(t: TestApp): Promise<void> {
  const checks = await explainContentQueries(t.app.get(DataSource), SAMPLE_SEARCH_TERMS);
  const failed = checks
    .filter((c) => !c.ok)
    .map((c) => `${c.name}: [${c.indexes.join(', ')}]\n${c.plan}`);
  expect(failed).toEqual([]);
  expect(checks.length).toBeGreaterThanOrEqual(10);
}

describe.each(testModes())('demo data at start-up (%s mode)', (mode) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is composed and seeded when SEED_DEMO_DATA is on', async () => {
    t = await startTestApp(mode, { env: { SEED_DEMO_DATA: 'true' } });
    await t.app.get(DemoDataSeeder).whenSeeded();
    const list = (await t.inject('/api/v1/articles?limit=100')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(10);
    // Profile counters follow through the content events, as for requests.
    const ada = (await t.inject('/api/v1/users/ada')).json();
    expect(ada.publishedArticleCount).toBeGreaterThan(0);
  });

  it('is not part of the api when SEED_DEMO_DATA is off', async () => {
    t = await startTestApp(mode);
    expect(() => t!.app.get(DemoDataSeeder)).toThrow();
    expect(() => t!.app.get(BulkDataGenerator)).toThrow();
  });
});
