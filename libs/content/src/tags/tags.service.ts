import { Injectable } from '@nestjs/common';
import { ContentCache, ContentNs, Scope } from '../cache/content-cache';
import { TagCount, TagsRepository } from './tags.repository';

export type { TagCount } from './tags.repository';

/** Tags listed at most (the most used ones). */
const TAGS_LISTED = 200;

/** Tags in use by published articles, most used first, cached until a listing changes. */
@Injectable()
export class TagsService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly cache: ContentCache,
  ) {}

  async list(): Promise<TagCount[]> {
    const tokens = await this.cache.tokens(Scope.epoch, Scope.list);
    return this.cache.wrap(ContentNs.tags, 'all', tokens, () => this.tags.usage(TAGS_LISTED));
  }
}
