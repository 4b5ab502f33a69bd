import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Articles, tags, comments and reactions.
 *
 * Counters (`likes_count`, `comments_count`) are maintained by statement-level triggers, so they
 * stay exact on every path that adds or removes rows: the API, bulk seeding, and the cascades
 * that run when a user or an article is deleted (which no application code sees).
 */
export class ContentSchema1764200000000 implements MigrationInterface {
  name = 'ContentSchema1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(40) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_tags_name UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        slug varchar(120) NOT NULL,
        title varchar(200) NOT NULL,
        body text NOT NULL,
        excerpt varchar(500) NOT NULL,
        cover_url varchar(2048),
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        reading_minutes int NOT NULL DEFAULT 1,
        likes_count int NOT NULL DEFAULT 0 CHECK (likes_count >= 0),
        comments_count int NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED,
        CONSTRAINT ck_articles_published_at CHECK (status <> 'published' OR published_at IS NOT NULL),
        -- Keyset cursors carry published_at through JavaScript Dates (millisecond precision);
        -- a microsecond remainder would make the cursor skip rows.
        CONSTRAINT ck_articles_published_at_ms CHECK (published_at = date_trunc('milliseconds', published_at))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_articles_slug ON articles (slug)`);
    await q.query(`CREATE INDEX idx_articles_search ON articles USING gin (search)`);
    await q.query(
      `CREATE INDEX idx_articles_published_keyset ON articles (published_at DESC, id DESC) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX idx_articles_author_published ON articles (author_id, published_at DESC, id DESC) WHERE status = 'published'`,
    );
    // The foreign key's cascade and an author's own (draft) articles.
    await q.query(
      `CREATE INDEX idx_articles_author_created ON articles (author_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE article_tags (
        article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      )`);
    await q.query(`CREATE INDEX idx_article_tags_tag ON article_tags (tag_id, article_id)`);

    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES comments(id) ON DELETE CASCADE,
        body varchar(5000) NOT NULL,
        -- Millisecond precision, like articles.published_at: comment-thread cursors carry it.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
          CHECK (created_at = date_trunc('milliseconds', created_at))
      )`);
    await q.query(
      `CREATE INDEX idx_comments_article_threads ON comments (article_id, created_at, id) WHERE parent_id IS NULL`,
    );
    await q.query(
      `CREATE INDEX idx_comments_parent ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX idx_comments_author ON comments (author_id)`);
    await q.query(`CREATE INDEX idx_comments_created ON comments (created_at, article_id)`);

    await q.query(`
      CREATE TABLE reactions (
        article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL DEFAULT 'like' CHECK (kind IN ('like')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, user_id)
      )`);
    await q.query(`CREATE INDEX idx_reactions_user ON reactions (user_id)`);
    await q.query(`CREATE INDEX idx_reactions_created ON reactions (created_at, article_id)`);

    // Statement-level triggers with transition tables: one UPDATE per statement, whatever the
    // number of rows (bulk seeding, cascades), instead of one per row.
    await q.query(`
      CREATE FUNCTION content_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        col text := TG_ARGV[0];
        sign int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
      BEGIN
        EXECUTE format(
          'UPDATE articles a SET %I = a.%I + $1 * d.n
             FROM (SELECT article_id, count(*) AS n FROM changed_rows GROUP BY article_id) d
            WHERE a.id = d.article_id', col, col) USING sign;
        RETURN NULL;
      END $$`);
    for (const [table, column] of [
      ['reactions', 'likes_count'],
      ['comments', 'comments_count'],
    ]) {
      await q.query(`
        CREATE TRIGGER trg_${table}_count_insert AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS changed_rows
          FOR EACH STATEMENT EXECUTE FUNCTION content_count_delta('${column}')`);
      await q.query(`
        CREATE TRIGGER trg_${table}_count_delete AFTER DELETE ON ${table}
          REFERENCING OLD TABLE AS changed_rows
          FOR EACH STATEMENT EXECUTE FUNCTION content_count_delta('${column}')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reactions`);
    await q.query(`DROP TABLE comments`);
    await q.query(`DROP TABLE article_tags`);
    await q.query(`DROP TABLE articles`);
    await q.query(`DROP TABLE tags`);
    await q.query(`DROP FUNCTION content_count_delta()`);
  }
}
