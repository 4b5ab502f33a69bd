import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { UsersService } from '@nexus/users';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ContentCache, Scope } from '../cache/content-cache';
import { ArticleEvent, ContentEvents } from '../content.events';
import { excerptOf, readingMinutes, slugify } from '../shared/text';
import {
  pick,
  prng,
  sampleBenchBody,
  sampleBody,
  sampleProse,
  sampleTags,
  sampleTitle,
  SUBJECTS,
  TAGS,
} from './sample-text';

const DAY = 86_400_000;

interface ArticleSeed {
  id: string;
  authorId: string;
  slug: string;
  title: string;
  body: string;
  status: 'draft' | 'published';
  publishedAt: Date | null;
  tags: string[];
}

export interface BulkSeedResult {
  articles: number;
  authors: number;
  reactions: number;
  comments: number;
  seconds: number;
}

/**
 * Demo data at start-up (embedded default: `SEED_DEMO_DATA`) and the large benchmark data set
 * (`npm run seed -- --articles N`). Rows are written with multi-row INSERTs (`unnest` of arrays);
 * counters follow through the database triggers.
 */
@Injectable()
export class ContentSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ContentSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
    private readonly cache: ContentCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    try {
      await this.seedDemo();
    } catch (e) {
      // Another instance seeding at the same time loses the race on the unique usernames.
      this.logger.warn(`Demo data not seeded: ${(e as Error).message}`);
    }
  }

  /** A few authors, tagged articles (two drafts), comments with replies and likes; only into an empty database. */
  async seedDemo(): Promise<boolean> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM articles`);
    if (n > 0) return false;
    const started = Date.now();
    const rand = prng(42);
    const people = [
      ['ada', 'Ada Lovelace'],
      ['grace', 'Grace Hopper'],
      ['linus', 'Linus Torvalds'],
      ['margaret', 'Margaret Hamilton'],
    ] as const;
    const authors: string[] = [];
    for (const [username, displayName] of people) {
      const u = await this.users.createUser({
        email: `${username}@demo.nexus.local`,
        username,
        displayName,
        // Demo accounts are showcase authors, not logins: nobody knows this password.
        password: randomBytes(24).toString('base64url'),
        emailVerified: true,
      });
      authors.push(u.id);
    }
    const now = Date.now();
    const seeds: ArticleSeed[] = [];
    for (let i = 0; i < 14; i++) {
      // Distinct subjects: distinct titles and slugs (the database is empty here).
      const subject = SUBJECTS[i % SUBJECTS.length];
      const title = sampleTitle(rand, subject);
      const draft = i % 7 === 6;
      seeds.push({
        id: randomUUID(),
        authorId: authors[i % authors.length],
        slug: slugify(title),
        title,
        body: sampleProse(rand, subject, 3 + (i % 3)),
        status: draft ? 'draft' : 'published',
        publishedAt: draft ? null : new Date(now - (14 - i) * DAY * 1.7 - Math.floor(rand() * DAY)),
        tags: sampleTags(rand, 1 + Math.floor(rand() * 3)),
      });
    }
    await this.insertArticles(seeds);
    const published = seeds.filter((s) => s.status === 'published');
    const likes: [string, string, Date][] = [];
    const comments: {
      articleId: string;
      authorId: string;
      body: string;
      at: Date;
      parent?: number;
    }[] = [];
    published.forEach((a, i) => {
      for (const userId of authors) {
        if (userId !== a.authorId && rand() < 0.6)
          likes.push([a.id, userId, new Date(now - Math.floor(rand() * 6 * DAY))]);
      }
      if (i % 2 === 0) {
        const commenter = authors[(i + 1) % authors.length];
        comments.push({
          articleId: a.id,
          authorId: commenter,
          body: 'Thanks, this was useful.',
          at: new Date(now - 3 * DAY),
        });
        comments.push({
          articleId: a.id,
          authorId: a.authorId,
          body: 'Glad it helped!',
          at: new Date(now - 2 * DAY),
          parent: comments.length - 1,
        });
      }
    });
    await this.insertReactions(likes);
    await this.insertComments(comments);
    // Profile counters of the users module follow content through events.
    for (const a of published) {
      await this.events.emitAsync(
        ContentEvents.articlePublished,
        new ArticleEvent(a.id, a.authorId, a.slug, 'published'),
      );
    }
    this.logger.log(
      `Demo data: ${authors.length} authors, ${seeds.length} articles, ${comments.length} comments, ${likes.length} likes in ${Date.now() - started} ms`,
    );
    return true;
  }

  /**
   * Grows the data set to at least `target` articles (95% published over the past year, skewed
   * tags, likes and comments on a share of them), then ANALYZEs. Events are not emitted: this is
   * a benchmark fixture, so the users module's per-profile article counters are not updated.
   */
  async seedBulk(
    target: number,
    log: (line: string) => void = () => undefined,
  ): Promise<BulkSeedResult> {
    // TypeORM logs slow statements with all their parameters: for multi-row inserts that is
    // megabytes of generated text per line. Slow-query logging is paused while seeding.
    const options = this.db.driver.options as { maxQueryExecutionTime?: number };
    const threshold = options.maxQueryExecutionTime;
    options.maxQueryExecutionTime = undefined;
    try {
      return await this.seedRows(target, log);
    } finally {
      options.maxQueryExecutionTime = threshold;
    }
  }

  private async seedRows(target: number, log: (line: string) => void): Promise<BulkSeedResult> {
    const started = Date.now();
    const [{ n: existing }] = await this.db.query(`SELECT count(*)::int AS n FROM articles`);
    const toAdd = Math.max(0, target - existing);
    const result: BulkSeedResult = {
      articles: 0,
      authors: 0,
      reactions: 0,
      comments: 0,
      seconds: 0,
    };
    if (toAdd === 0) {
      log(`already ${existing} articles (target ${target}); nothing to add`);
      return result;
    }
    const run = randomBytes(3).toString('hex');
    const rand = prng(parseInt(run, 16));
    const authorCount = Math.min(100, Math.max(10, Math.ceil(toAdd / 1000)));
    const password = randomBytes(24).toString('base64url');
    const authors: string[] = [];
    for (let i = 0; i < authorCount; i++) {
      const u = await this.users.createUser({
        email: `bench-${run}-${i}@seed.nexus.local`,
        username: `seed-${run}-${i}`,
        displayName: `Bench Author ${i}`,
        password,
        emailVerified: true,
      });
      authors.push(u.id);
    }
    result.authors = authorCount;
    log(`${authorCount} authors created`);
    const now = Date.now();
    const spanMs = 365 * DAY;
    // Small enough that no statement nears the slow-query log threshold (1 s) even on PGlite.
    const batch = 250;
    for (let offset = 0; offset < toAdd; offset += batch) {
      const seeds: ArticleSeed[] = [];
      const likes: [string, string, Date][] = [];
      const comments: { articleId: string; authorId: string; body: string; at: Date }[] = [];
      for (let i = offset; i < Math.min(toAdd, offset + batch); i++) {
        const title = sampleTitle(rand);
        const published = rand() < 0.95;
        // Spread evenly over the year, newest last; millisecond precision like the API writes.
        const publishedAt = new Date(now - spanMs + Math.floor(((i + rand()) / toAdd) * spanMs));
        const seed: ArticleSeed = {
          id: randomUUID(),
          authorId: pick(rand, authors),
          slug: `${slugify(title, 80)}-${run}-${i.toString(36)}`,
          title,
          body: sampleBenchBody(rand, 60 + Math.floor(rand() * 160)),
          status: published ? 'published' : 'draft',
          publishedAt: published ? publishedAt : null,
          tags: sampleTags(rand, 1 + Math.floor(rand() * 3)),
        };
        seeds.push(seed);
        // Activity comes mostly in the days after publication (exponential, mean 3 days).
        const activityAt = () =>
          new Date(
            Math.min(now, publishedAt.getTime() + Math.floor(-Math.log(1 - rand()) * 3 * DAY)),
          );
        if (published && rand() < 0.3) {
          const likers = new Set<string>();
          const k = 1 + Math.floor(rand() * 8);
          while (likers.size < Math.min(k, authors.length)) likers.add(pick(rand, authors));
          for (const userId of likers) likes.push([seed.id, userId, activityAt()]);
        }
        if (published && rand() < 0.1) {
          for (let c = 0; c < 1 + Math.floor(rand() * 3); c++) {
            comments.push({
              articleId: seed.id,
              authorId: pick(rand, authors),
              body: sampleBody(rand, 12),
              at: activityAt(),
            });
          }
        }
      }
      await this.insertArticles(seeds);
      await this.insertReactions(likes);
      await this.insertComments(comments);
      result.articles += seeds.length;
      result.reactions += likes.length;
      result.comments += comments.length;
      if (result.articles % 10_000 < batch || result.articles === toAdd) {
        log(
          `${result.articles}/${toAdd} articles (${Math.round((Date.now() - started) / 1000)} s)`,
        );
      }
    }
    await this.db.query(`ANALYZE articles`);
    await this.db.query(`ANALYZE article_tags`);
    await this.db.query(`ANALYZE tags`);
    await this.db.query(`ANALYZE reactions`);
    await this.db.query(`ANALYZE comments`);
    // Rows written behind the API's back: every cached view and listing is now out of date.
    await this.cache.bump(Scope.epoch);
    result.seconds = Math.round((Date.now() - started) / 100) / 10;
    return result;
  }

  private async insertArticles(seeds: ArticleSeed[]): Promise<void> {
    if (!seeds.length) return;
    const created = seeds.map((s) => (s.publishedAt ?? new Date()).toISOString());
    await this.db.query(
      `INSERT INTO articles (id, author_id, slug, title, body, excerpt, status, reading_minutes, published_at, created_at, updated_at, tag_names)
       SELECT id, author_id, slug, title, body, excerpt, status, reading_minutes, published_at, created_at, created_at,
              string_to_array(tag_names, ',')
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
                     $9::timestamptz[], $10::timestamptz[], $11::text[])
           AS x(id, author_id, slug, title, body, excerpt, status, reading_minutes, published_at, created_at, tag_names)`,
      [
        seeds.map((s) => s.id),
        seeds.map((s) => s.authorId),
        seeds.map((s) => s.slug),
        seeds.map((s) => s.title),
        seeds.map((s) => s.body),
        seeds.map((s) => excerptOf(s.body)),
        seeds.map((s) => s.status),
        seeds.map((s) => readingMinutes(s.body)),
        seeds.map((s) => s.publishedAt?.toISOString() ?? null),
        created,
        // Tag names are [a-z0-9-] (normalised): a comma-joined list survives the array of text.
        seeds.map((s) => [...new Set(s.tags)].sort().join(',')),
      ],
    );
    const names = [...new Set(seeds.flatMap((s) => s.tags))];
    await this.db.query(
      `INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`,
      [names],
    );
    const pairs = seeds.flatMap((s) => s.tags.map((t) => [s.id, t] as const));
    await this.db.query(
      `INSERT INTO article_tags (article_id, tag_id)
       SELECT p.article_id, t.id FROM unnest($1::uuid[], $2::text[]) AS p(article_id, name)
         JOIN tags t ON t.name = p.name`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  }

  private async insertReactions(likes: [string, string, Date][]): Promise<void> {
    if (!likes.length) return;
    await this.db.query(
      `INSERT INTO reactions (article_id, user_id, created_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
      [likes.map((l) => l[0]), likes.map((l) => l[1]), likes.map((l) => l[2].toISOString())],
    );
  }

  private async insertComments(
    comments: { articleId: string; authorId: string; body: string; at: Date; parent?: number }[],
  ): Promise<void> {
    if (!comments.length) return;
    const ids = comments.map(() => randomUUID());
    await this.db.query(
      `INSERT INTO comments (id, article_id, author_id, parent_id, body, created_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[])`,
      [
        ids,
        comments.map((c) => c.articleId),
        comments.map((c) => c.authorId),
        comments.map((c) => (c.parent !== undefined ? ids[c.parent] : null)),
        comments.map((c) => c.body),
        comments.map((c) => c.at.toISOString()),
      ],
    );
  }
}

export { TAGS as SAMPLE_TAGS };
