import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContentCache, ContentNs, Scope } from '../cache/content-cache';

export interface TagCount {
  name: string;
  articleCount: number;
}

/** Tags in use by published articles, most used first (at most 200). */
@Injectable()
export class TagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: ContentCache,
  ) {}

  async list(): Promise<TagCount[]> {
    const tokens = await this.cache.tokens(Scope.epoch, Scope.list);
    return this.cache.wrap(ContentNs.tags, 'all', tokens, async () => {
      const rows: { name: string; n: string }[] = await this.db.query(
        `SELECT t.name, count(*) AS n
           FROM article_tags at
           JOIN articles a ON a.id = at.article_id AND a.status = 'published'
           JOIN tags t ON t.id = at.tag_id
          GROUP BY t.name ORDER BY n DESC, t.name LIMIT 200`,
      );
      return rows.map((r) => ({ name: r.name, articleCount: Number(r.n) }));
    });
  }
}
