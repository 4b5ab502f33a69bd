import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@nexus/core';
import { DataSource, EntityManager } from 'typeorm';

export interface TagCount {
  name: string;
  articleCount: number;
}

/** Statements on `tags` (article ↔ tag links are written with the article: ArticlesRepository). */
@Injectable()
export class TagsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the tags that do not exist yet (tags are created on first use). */
  async ensure(names: string[], em: EntityManager): Promise<void> {
    if (names.length === 0) return;
    await em.query(
      `INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`,
      [names],
    );
  }

  /** Tags of published articles with their article counts, most used first. */
  async usage(limit: number): Promise<TagCount[]> {
    const rows = returnedRows<{ name: string; n: string }>(
      await this.db.query(
        `SELECT t.name, count(*) AS n
           FROM article_tags at
           JOIN articles a ON a.id = at.article_id AND a.status = 'published'
           JOIN tags t ON t.id = at.tag_id
          GROUP BY t.name ORDER BY n DESC, t.name LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((r) => ({ name: r.name, articleCount: Number(r.n) }));
  }
}
