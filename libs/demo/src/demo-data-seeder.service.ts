import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArticlesService, CommentsService, ReactionsService } from '@nexus/content';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { AuthUser, UsersService } from '@nexus/users';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { prng, sampleProse, sampleTags, sampleTitle, SUBJECTS } from './sample-text';

const PEOPLE = [
  ['ada', 'Ada Lovelace'],
  ['grace', 'Grace Hopper'],
  ['linus', 'Linus Torvalds'],
  ['margaret', 'Margaret Hamilton'],
] as const;

const ARTICLES = 14;

/**
 * Demo data at start-up (`SEED_DEMO_DATA`, on by default in embedded mode): a few authors, tagged
 * articles (two drafts), comments with replies and likes, only into a database without articles.
 * Written through the public users and content services, so events, counters and caches follow
 * exactly as for requests. That costs CPU and the embedded database's one session, so the api
 * starts it once it listens (`startAfter`): the first start answers sooner, the data follows
 * within seconds.
 */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DemoDataSeeder.name);
  private seeding?: Promise<void>;
  private startSignal?: Promise<void>;
  private writing?: Promise<void>;
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly articles: ArticlesService,
    private readonly comments: CommentsService,
    private readonly reactions: ReactionsService,
  ) {}

  /**
   * Holds the start-up seeding back until `signal` resolves (the api: once it listens), so that
   * its writes do not compete with the rest of the initialisation for the one embedded session.
   * Called before the application initialises; without it the seeding starts at bootstrap.
   */
  startAfter(signal: Promise<void>): void {
    this.startSignal = signal;
  }

  onApplicationBootstrap(): void {
    if (!this.config.seedDemoData) return;
    this.seeding = Promise.resolve(this.startSignal).then(() => {
      if (this.closing) return;
      this.writing = this.seed().then(
        () => undefined,
        // Another instance seeding at the same time loses the race on the unique usernames.
        (e: Error) => this.logger.warn(`Demo data not seeded: ${e.message}`),
      );
      return this.writing;
    });
  }

  /** Resolves once the start-up seeding (if any) has finished or given up. */
  async whenSeeded(): Promise<void> {
    await this.seeding;
  }

  /** The database stays open until the demo data is written; a seeding not begun never begins. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.writing;
  }

  /** Seeds the demo set into a database without articles; false when there were some. */
  async seed(): Promise<boolean> {
    const [{ any }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM articles) AS any`);
    if (any) return false;
    const started = Date.now();
    const rand = prng(42);
    const authors: AuthUser[] = [];
    for (const [username, displayName] of PEOPLE) {
      const { id } = await this.users.createUser({
        email: `${username}@demo.nexus.local`,
        username,
        displayName,
        // Demo accounts are showcase authors, not logins: nobody knows this password.
        password: randomBytes(24).toString('base64url'),
        emailVerified: true,
      });
      // The services take the acting user; the demo acts as each author in turn.
      authors.push({ id, username, role: 'user', emailVerified: true, sessionId: 'demo-data' });
    }
    let likes = 0;
    let comments = 0;
    for (let i = 0; i < ARTICLES; i++) {
      const author = authors[i % authors.length];
      // Distinct subjects: distinct titles and slugs.
      const subject = SUBJECTS[i % SUBJECTS.length];
      const article = await this.articles.create(author, {
        title: sampleTitle(rand, subject),
        body: sampleProse(rand, subject, 3 + (i % 3)),
        tags: sampleTags(rand, 1 + Math.floor(rand() * 3)),
      });
      if (i % 7 === 6) continue; // a draft
      await this.articles.publish(author, article.id);
      for (const reader of authors) {
        if (reader.id !== author.id && rand() < 0.6) {
          await this.reactions.like(reader, article.id);
          likes++;
        }
      }
      if (i % 2 === 0) {
        const reader = authors[(i + 1) % authors.length];
        const question = await this.comments.create(reader, article.id, {
          body: 'Thanks, this was useful.',
        });
        await this.comments.create(author, article.id, {
          body: 'Glad it helped!',
          parentId: question.id,
        });
        comments += 2;
      }
    }
    this.logger.log(
      `Demo data: ${authors.length} authors, ${ARTICLES} articles, ${comments} comments, ${likes} likes in ${Date.now() - started} ms`,
    );
    return true;
  }
}
