import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@nexus/core';
import type { AuthUser } from '@nexus/users';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthorCardsService } from '../authors/author-cards.service';
import { ContentCache, ContentNs, Scope } from '../cache/content-cache';
import { ArticleDeletedEvent, ArticleEvent, ContentEvents } from '../content.events';
import { excerptOf, normaliseTag, readingMinutes, slugify } from '../shared/text';
import { ArticleStatus } from './article.entity';
import { ArticleRecord, ArticleView, canSee, isPrivileged, toIso, Viewer } from './article.types';
import { CreateArticleDto, UpdateArticleDto } from './dto/article-input.dto';

interface ArticleRow {
  id: string;
  author_id: string;
  slug: string;
  title: string;
  body: string;
  excerpt: string;
  cover_url: string | null;
  status: ArticleStatus;
  reading_minutes: number;
  likes_count: number;
  comments_count: number;
  published_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  tags: string[] | null;
}

const RECORD_COLUMNS = `a.id, a.author_id, a.slug, a.title, a.body, a.excerpt, a.cover_url, a.status,
  a.reading_minutes, a.likes_count, a.comments_count, a.published_at, a.created_at, a.updated_at,
  a.tag_names AS tags`;

/** Marker stored for a slug without an article, so repeated 404s do not reach the database. */
interface Missing {
  missing: true;
}

export const notFound = (): ProblemException =>
  new ProblemException({ status: 404, type: 'article-not-found', title: 'Article not found' });

/** Articles: writes (transactional, then events) and cached reads by slug or id. */
@Injectable()
export class ArticlesService {
  private readonly logger = new Logger(ArticlesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: ContentCache,
    private readonly authors: AuthorCardsService,
    private readonly events: EventEmitter2,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  /** The article record by slug (cache-aside, negative results cached too). */
  async recordBySlug(slug: string): Promise<ArticleRecord | undefined> {
    const tokens = await this.cache.tokens(Scope.epoch, Scope.article(slug));
    const value = await this.cache.wrap<ArticleRecord | Missing>(
      ContentNs.article,
      slug,
      tokens,
      async () => {
        const rows: ArticleRow[] = await this.db.query(
          `SELECT ${RECORD_COLUMNS} FROM articles a WHERE a.slug = $1`,
          [slug],
        );
        return rows[0] ? toRecord(rows[0]) : { missing: true };
      },
    );
    return 'missing' in value ? undefined : value;
  }

  /** The article record by id; the id → slug mapping is immutable and cached separately. */
  async recordById(id: string): Promise<ArticleRecord | undefined> {
    const slug = await this.slugOf(id);
    const record = slug ? await this.recordBySlug(slug) : undefined;
    // A slug is freed when its article is deleted and may be taken by a new one.
    return record?.id === id ? record : undefined;
  }

  /** The slug of an article id (cached: a slug never changes), or undefined when it is gone. */
  async slugOf(id: string): Promise<string | undefined> {
    const cached = await this.cache.cache.get<string>(ContentNs.articleSlug, id);
    if (cached) return cached;
    const rows: { slug: string }[] = await this.db.query(
      `SELECT slug FROM articles WHERE id = $1`,
      [id],
    );
    if (!rows[0]) return undefined;
    await this.cache.cache.set(ContentNs.articleSlug, id, rows[0].slug, this.cache.ttlSeconds);
    return rows[0].slug;
  }

  /** An article the viewer may see, by slug; 404 otherwise (a draft's existence is not revealed). */
  async getBySlug(slug: string, viewer: Viewer): Promise<ArticleView> {
    const record = await this.recordBySlug(slug);
    if (!record || !canSee(viewer, record)) throw notFound();
    return this.toView(record);
  }

  /** An article the viewer may see, by id; 404 otherwise. */
  async getVisibleRecord(id: string, viewer: Viewer): Promise<ArticleRecord> {
    const record = await this.recordById(id);
    if (!record || !canSee(viewer, record)) throw notFound();
    return record;
  }

  async toView(record: ArticleRecord): Promise<ArticleView> {
    const cards = await this.authors.cards([record.authorId]);
    const { authorId, readingMinutes: minutes, ...rest } = record;
    return {
      ...rest,
      tags: [...record.tags],
      readingTimeMinutes: minutes,
      author: cards.get(authorId)!,
    };
  }

  // ---- writes ------------------------------------------------------------------------------

  async create(user: AuthUser, input: CreateArticleDto): Promise<ArticleView> {
    const tags = normaliseTags(input.tags);
    const record = await this.db.transaction(async (em) => {
      const base = slugify(input.title);
      let id: string | undefined;
      let slug = base;
      for (let attempt = 0; !id; attempt++) {
        if (attempt > 0) slug = `${base.slice(0, 100)}-${randomBytes(4).toString('hex')}`;
        if (attempt > 5) throw new Error('Could not allocate a unique slug');
        const rows: { id: string }[] = await em.query(
          `INSERT INTO articles (author_id, slug, title, body, excerpt, cover_url, reading_minutes)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (slug) DO NOTHING RETURNING id`,
          [
            user.id,
            slug,
            input.title,
            input.body,
            input.excerpt ?? excerptOf(input.body),
            input.coverUrl ?? null,
            readingMinutes(input.body),
          ],
        );
        id = rows[0]?.id;
      }
      await replaceTags(em, id, tags);
      return loadForWrite(em, id);
    });
    await this.emit(ContentEvents.articleCreated, articleEvent(record));
    return this.toView(record);
  }

  async update(user: AuthUser, id: string, input: UpdateArticleDto): Promise<ArticleView> {
    const fields = Object.keys(input).filter(
      (k) => (input as Record<string, unknown>)[k] !== undefined,
    );
    if (fields.length === 0) {
      throw new ProblemException({
        status: 400,
        type: 'empty-update',
        title: 'Nothing to update',
        detail: 'Send at least one of title, body, excerpt, coverUrl, tags.',
      });
    }
    const record = await this.db.transaction(async (em) => {
      const current = await lockForChange(em, id, user);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.title !== undefined) set('title', input.title);
      if (input.body !== undefined) {
        set('body', input.body);
        set('reading_minutes', readingMinutes(input.body));
      }
      // An excerpt derived from the body follows the body unless the author wrote one.
      if (input.excerpt !== undefined)
        set('excerpt', input.excerpt ?? excerptOf(input.body ?? current.body));
      else if (input.body !== undefined && current.excerpt === excerptOf(current.body)) {
        set('excerpt', excerptOf(input.body));
      }
      if (input.coverUrl !== undefined) set('cover_url', input.coverUrl);
      await em.query(
        `UPDATE articles SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`,
        params,
      );
      if (input.tags !== undefined) await replaceTags(em, id, normaliseTags(input.tags));
      return loadForWrite(em, id);
    });
    await this.emit(ContentEvents.articleUpdated, articleEvent(record));
    return this.toView(record);
  }

  async publish(user: AuthUser, id: string): Promise<ArticleView> {
    if (!user.emailVerified) {
      throw new ProblemException({
        status: 403,
        type: 'email-not-verified',
        title: 'Email not verified',
        detail: 'Verify your email address before publishing.',
      });
    }
    const { record, changed } = await this.db.transaction(async (em) => {
      const current = await lockForChange(em, id, user);
      if (current.status === 'published') return { record: current, changed: false };
      // The first publication date is kept on re-publication: listings stay in publication order.
      await em.query(
        `UPDATE articles SET status = 'published', updated_at = now(),
                published_at = COALESCE(published_at, date_trunc('milliseconds', now()))
          WHERE id = $1`,
        [id],
      );
      return { record: await loadForWrite(em, id), changed: true };
    });
    if (changed) await this.emit(ContentEvents.articlePublished, articleEvent(record));
    return this.toView(record);
  }

  async unpublish(user: AuthUser, id: string): Promise<ArticleView> {
    const { record, changed } = await this.db.transaction(async (em) => {
      const current = await lockForChange(em, id, user);
      if (current.status !== 'published') return { record: current, changed: false };
      await em.query(`UPDATE articles SET status = 'archived', updated_at = now() WHERE id = $1`, [
        id,
      ]);
      return { record: await loadForWrite(em, id), changed: true };
    });
    if (changed) await this.emit(ContentEvents.articleUnpublished, articleEvent(record));
    return this.toView(record);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const record = await this.db.transaction(async (em) => {
      const current = await lockForChange(em, id, user);
      await em.query(`DELETE FROM articles WHERE id = $1`, [id]);
      return current;
    });
    await this.emit(
      ContentEvents.articleDeleted,
      new ArticleDeletedEvent(
        record.id,
        record.authorId,
        record.slug,
        record.status,
        record.status === 'published',
      ),
    );
  }

  /**
   * Emits after the commit and waits for the listeners (cache invalidation among them), so the
   * response is only sent once no cache can serve the old version. A failing listener of
   * another module must not turn a committed write into an error: it is logged.
   */
  private async emit(name: string, payload: object): Promise<void> {
    try {
      await this.events.emitAsync(name, payload);
    } catch (e) {
      this.logger.error(`A listener of ${name} failed: ${(e as Error).message}`);
    }
  }
}

function toRecord(r: ArticleRow): ArticleRecord {
  return {
    id: r.id,
    authorId: r.author_id,
    slug: r.slug,
    title: r.title,
    body: r.body,
    excerpt: r.excerpt,
    coverUrl: r.cover_url,
    status: r.status,
    readingMinutes: Number(r.reading_minutes),
    likesCount: Number(r.likes_count),
    commentsCount: Number(r.comments_count),
    publishedAt: r.published_at ? toIso(r.published_at) : null,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    tags: r.tags ?? [],
  };
}

function articleEvent(r: ArticleRecord): ArticleEvent {
  return new ArticleEvent(r.id, r.authorId, r.slug, r.status);
}

async function loadForWrite(em: EntityManager, id: string): Promise<ArticleRecord> {
  const rows: ArticleRow[] = await em.query(
    `SELECT ${RECORD_COLUMNS} FROM articles a WHERE a.id = $1`,
    [id],
  );
  return toRecord(rows[0]);
}

/**
 * Locks the article for a change by `user`: 404 when the user may not even see it (a draft of
 * someone else), 403 when they see it but it is not theirs (BOLA).
 */
async function lockForChange(
  em: EntityManager,
  id: string,
  user: AuthUser,
): Promise<ArticleRecord> {
  const rows: ArticleRow[] = await em.query(
    `SELECT ${RECORD_COLUMNS} FROM articles a WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );
  if (!rows[0]) throw notFound();
  const record = toRecord(rows[0]);
  if (!canSee(user, record)) throw notFound();
  if (record.authorId !== user.id && !isPrivileged(user)) {
    throw new ProblemException({
      status: 403,
      type: 'not-article-owner',
      title: 'Not your article',
      detail: 'Only the author or a moderator may change this article.',
    });
  }
  return record;
}

function normaliseTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map(normaliseTag).filter(Boolean))];
}

/** Replaces an article's tags: `article_tags` and the sorted copy in `articles.tag_names`. */
async function replaceTags(em: EntityManager, articleId: string, tags: string[]): Promise<void> {
  await em.query(`DELETE FROM article_tags WHERE article_id = $1`, [articleId]);
  await em.query(`UPDATE articles SET tag_names = $2::text[] WHERE id = $1`, [
    articleId,
    [...tags].sort(),
  ]);
  if (tags.length === 0) return;
  await em.query(
    `INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`,
    [tags],
  );
  await em.query(
    `INSERT INTO article_tags (article_id, tag_id) SELECT $1, id FROM tags WHERE name = ANY($2::text[])`,
    [articleId, tags],
  );
}
