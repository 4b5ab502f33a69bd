import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, ProblemException } from '@nexus/core';
import type { AuthUser } from '@nexus/users';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthorCardsService } from '../authors/author-cards.service';
import { ContentCache, ContentNs, Scope } from '../cache/content-cache';
import { ArticleDeletedEvent, ArticleEvent, ContentEvents } from '../content.events';
import { excerptOf, normaliseTag, readingMinutes, slugify } from '../shared/text';
import { ArticleRecord, ArticleView, canSee, isPrivileged, Viewer } from './article.types';
import { ArticleChanges, ArticlesRepository } from './articles.repository';
import { TagsRepository } from '../tags/tags.repository';
import { CreateArticleDto, UpdateArticleDto } from './dto/article-input.dto';

/** Marker stored for a slug without an article, so repeated 404s do not reach the database. */
interface Missing {
  missing: true;
}

export const notFound = (): ProblemException =>
  new ProblemException({ status: 404, type: 'article-not-found', title: 'Article not found' });

/** Articles: writes (transactional, then events) and cached reads by slug or id. */
@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly articles: ArticlesRepository,
    private readonly tags: TagsRepository,
    private readonly cache: ContentCache,
    private readonly authors: AuthorCardsService,
    private readonly events: DomainEvents,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  /** The article record by slug (cache-aside, negative results cached too). */
  async recordBySlug(slug: string): Promise<ArticleRecord | undefined> {
    const tokens = await this.cache.tokens(Scope.epoch, Scope.article(slug));
    const value = await this.cache.wrap<ArticleRecord | Missing>(
      ContentNs.article,
      slug,
      tokens,
      async () => (await this.articles.findBySlug(slug)) ?? { missing: true },
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
    const slug = await this.articles.slugOf(id);
    if (!slug) return undefined;
    await this.cache.cache.set(ContentNs.articleSlug, id, slug, this.cache.ttlSeconds);
    return slug;
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
        id = await this.articles.insert(
          {
            authorId: user.id,
            slug,
            title: input.title,
            body: input.body,
            excerpt: input.excerpt ?? excerptOf(input.body),
            coverUrl: input.coverUrl ?? null,
            readingMinutes: readingMinutes(input.body),
          },
          em,
        );
      }
      await this.replaceTags(id, tags, em);
      return this.articles.findById(id, em);
    });
    await this.events.emit(ContentEvents.articleCreated, articleEvent(record));
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
      const current = await this.lockForChange(id, user, em);
      const changes: ArticleChanges = { title: input.title, coverUrl: input.coverUrl };
      if (input.body !== undefined) {
        changes.body = input.body;
        changes.readingMinutes = readingMinutes(input.body);
      }
      // An excerpt derived from the body follows the body unless the author wrote one.
      if (input.excerpt !== undefined)
        changes.excerpt = input.excerpt ?? excerptOf(input.body ?? current.body);
      else if (input.body !== undefined && current.excerpt === excerptOf(current.body)) {
        changes.excerpt = excerptOf(input.body);
      }
      await this.articles.update(id, changes, em);
      if (input.tags !== undefined) await this.replaceTags(id, normaliseTags(input.tags), em);
      return this.articles.findById(id, em);
    });
    await this.events.emit(ContentEvents.articleUpdated, articleEvent(record));
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
    // Durable (outbox): followers are notified of every publication.
    const record = await this.events.transaction(async (em) => {
      const current = await this.lockForChange(id, user, em);
      if (current.status === 'published') return current;
      await this.articles.publish(id, em);
      const published = await this.articles.findById(id, em);
      await this.events.emitInTransaction(
        em,
        ContentEvents.articlePublished,
        articleEvent(published),
        {
          aggregateId: id,
        },
      );
      return published;
    });
    return this.toView(record);
  }

  async unpublish(user: AuthUser, id: string): Promise<ArticleView> {
    const { record, changed } = await this.db.transaction(async (em) => {
      const current = await this.lockForChange(id, user, em);
      if (current.status !== 'published') return { record: current, changed: false };
      await this.articles.archive(id, em);
      return { record: await this.articles.findById(id, em), changed: true };
    });
    if (changed) await this.events.emit(ContentEvents.articleUnpublished, articleEvent(record));
    return this.toView(record);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const record = await this.db.transaction(async (em) => {
      const current = await this.lockForChange(id, user, em);
      await this.articles.delete(id, em);
      return current;
    });
    await this.events.emit(
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
   * Locks the article for a change by `user`: 404 when the user may not even see it (a draft of
   * someone else), 403 when they see it but it is not theirs (BOLA).
   */
  private async lockForChange(
    id: string,
    user: AuthUser,
    em: EntityManager,
  ): Promise<ArticleRecord> {
    const record = await this.articles.lockById(id, em);
    if (!record || !canSee(user, record)) throw notFound();
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

  private async replaceTags(articleId: string, tags: string[], em: EntityManager): Promise<void> {
    await this.tags.ensure(tags, em);
    await this.articles.replaceTags(articleId, tags, em);
  }
}

function articleEvent(r: ArticleRecord): ArticleEvent {
  return new ArticleEvent(r.id, r.authorId, r.slug, r.status);
}

function normaliseTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map(normaliseTag).filter(Boolean))];
}
