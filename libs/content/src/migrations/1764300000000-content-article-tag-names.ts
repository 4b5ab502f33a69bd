import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `articles.tag_names`: the article's tag names, sorted, kept next to the row (read model).
 *
 * `article_tags` stays the source of truth for the tag filter and the tag counts; this copy is
 * what listings and article reads show. Reading the names through `article_tags` and `tags` cost a
 * sub-query per listed article, most of a listing's time (docs/benchmarks.md). Both are written in the same transaction (`replaceTags`, the
 * bulk seeder). Names are normalised to `[a-z0-9-]`, so the C collation order used here is the
 * order JavaScript's default sort gives.
 */
export class ContentArticleTagNames1764300000000 implements MigrationInterface {
  name = 'ContentArticleTagNames1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles ADD COLUMN tag_names text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      UPDATE articles a
         SET tag_names = ARRAY(SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                                WHERE at.article_id = a.id ORDER BY t.name COLLATE "C")
       WHERE EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles DROP COLUMN tag_names`);
  }
}
