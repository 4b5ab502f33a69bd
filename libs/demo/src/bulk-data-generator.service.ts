import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { BulkImportEvent, ContentEvents, excerptOf, readingMinutes, slugify } from '@nexus/content';
import { UsersService } from '@nexus/users';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { pick, prng, sampleBenchBody, sampleBody, sampleTags, sampleTitle } from './sample-text';

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
 * The large benchmark data set (`npm run seed -- --articles N`, bench/, the query-plan test).
 * A tool that knows the whole content schema, like the migrations: for speed it writes rows with
 * multi-row INSERTs (`unnest` of arrays) instead of going through the content services; counters
 * follow through the database triggers. Authors are created through UsersService.
 */
@Injectable()
export class BulkDataGenerator {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

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
    await this.events.emitAsync(ContentEvents.bulkImported, new BulkImportEvent(result.articles));
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
    comments: { articleId: string; authorId: string; body: string; at: Date }[],
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
        comments.map(() => null),
        comments.map((c) => c.body),
        comments.map((c) => c.at.toISOString()),
      ],
    );
  }
}
