import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './infra-files';

/**
 * `npm run migrations:check` (scripts/migrations-check.mjs): a migration the previous release has
 * not seen may only expand the schema. Each case runs the script on a copy of this repository's
 * migrations and lock file with one migration added or edited.
 */

const SCRIPT = join(ROOT, 'scripts/migrations-check.mjs');

function run(root?: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...(root ? ['--root', root] : [])], {
    encoding: 'utf8',
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** How many migrations the check found unreleased (the tree may hold some already). */
function unreleased(output: string): number {
  const m = /(\d+) unreleased migration\(s\)/.exec(output);
  if (!m) throw new Error(`no count in: ${output}`);
  return Number(m[1]);
}

function migration(className: string, up: string, extra = ''): string {
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

${extra}
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${up}
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`DROP TABLE IF EXISTS whatever\`);
  }
}
`;
}

describe('migrations:check (expand/contract)', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nexus-migrations-'));
    for (const lib of readdirSync(join(ROOT, 'libs'))) {
      const from = join(ROOT, 'libs', lib, 'src/migrations');
      try {
        cpSync(from, join(root, 'libs', lib, 'src/migrations'), { recursive: true });
      } catch {
        // a lib without migrations
      }
    }
    cpSync(join(ROOT, 'migrations.lock.json'), join(root, 'migrations.lock.json'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const add = (file: string, source: string) => {
    mkdirSync(join(root, 'libs/content/src/migrations'), { recursive: true });
    writeFileSync(join(root, 'libs/content/src/migrations', file), source);
  };

  it('passes on the repository as it is', () => {
    const { status, output } = run();
    expect(output).toMatch(/only expand the schema/);
    expect(status).toBe(0);
  });

  it('passes an expanding migration (new table, nullable column, index)', () => {
    add(
      '1799000000000-content-expand.ts',
      migration(
        'ContentExpand1799000000000',
        `    await q.query(\`ALTER TABLE articles ADD COLUMN subtitle text\`);
    await q.query(\`CREATE TABLE article_drafts (id uuid PRIMARY KEY, body text)\`);
    await q.query(\`CREATE INDEX idx_article_drafts_body ON article_drafts (body)\`);`,
      ),
    );
    const before = unreleased(run().output);
    const { status, output } = run(root);
    expect(unreleased(output)).toBe(before + 1);
    expect(output).toMatch(/since release 0\.1\.0 only expand/);
    expect(status).toBe(0);
  });

  it('refuses a migration that drops a column, naming the migration and the column', () => {
    const file = '1799000000000-content-drop-tag-names.ts';
    add(
      file,
      migration(
        'ContentDropTagNames1799000000000',
        `    // The listing reads article_tags again.
    await q.query(\`ALTER TABLE articles DROP COLUMN tag_names\`);`,
      ),
    );
    const { status, output } = run(root);
    expect(status).toBe(1);
    expect(output).toContain(
      `libs/content/src/migrations/${file}: DROP COLUMN articles.tag_names: the previous release still reads it`,
    );
  });

  it.each([
    ['ALTER TABLE "articles" RENAME COLUMN title TO headline', 'RENAME COLUMN articles.title'],
    ['ALTER TABLE articles RENAME title TO headline', 'RENAME COLUMN articles.title'],
    ['ALTER TABLE comments RENAME TO article_comments', 'RENAME TO comments'],
    ['DROP TABLE IF EXISTS reactions, comments', 'DROP TABLE reactions'],
    ['DROP VIEW author_cards', 'DROP VIEW author_cards'],
    [
      'ALTER TABLE articles ALTER COLUMN title TYPE varchar(80)',
      'ALTER COLUMN TYPE articles.title',
    ],
    [
      'ALTER TABLE articles ADD COLUMN x int, DROP COLUMN IF EXISTS body',
      'DROP COLUMN articles.body',
    ],
  ])('refuses %s', (sql, message) => {
    add(
      '1799000000000-content-change.ts',
      migration('ContentChange1799000000000', `    await q.query(\`${sql}\`);`),
    );
    const { status, output } = run(root);
    expect(status).toBe(1);
    expect(output).toContain(message);
  });

  it('ignores what is not a breaking change: constraints, defaults, the down() step', () => {
    add(
      '1799000000000-content-constraints.ts',
      migration(
        'ContentConstraints1799000000000',
        `    await q.query(\`ALTER TABLE articles DROP CONSTRAINT IF EXISTS articles_title_check\`);
    await q.query(\`ALTER TABLE articles ALTER COLUMN title DROP DEFAULT\`);
    await q.query(\`ALTER TABLE articles RENAME CONSTRAINT a TO b\`);`,
      ),
    );
    expect(run(root).status).toBe(0);
  });

  it('lets an unreleased migration drop what another unreleased migration created', () => {
    add(
      '1799000000000-content-add.ts',
      migration(
        'ContentAdd1799000000000',
        `    await q.query(\`ALTER TABLE articles ADD COLUMN draft_note text\`);`,
      ),
    );
    add(
      '1799000000001-content-remove.ts',
      migration(
        'ContentRemove1799000000001',
        `    await q.query(\`ALTER TABLE articles DROP COLUMN draft_note\`);`,
      ),
    );
    expect(run(root).status).toBe(0);
  });

  it('accepts a contract step naming a shipped release, refuses one naming an unknown release', () => {
    const contract = (release: string) =>
      migration(
        'ContentContract1799000000000',
        `    await q.query(\`ALTER TABLE articles DROP COLUMN tag_names\`);`,
        `// @contract articles.tag_names unread-since ${release}\n`,
      );
    add('1799000000000-content-contract.ts', contract('0.1.0'));
    expect(run(root).status).toBe(0);

    add('1799000000000-content-contract.ts', contract('0.9.0'));
    const { status, output } = run(root);
    expect(status).toBe(1);
    expect(output).toContain('@contract articles.tag_names names release 0.9.0');
  });

  it('refuses an edit of a released migration', () => {
    const path = 'libs/core/src/migrations/1764700000050-core-email-headers.ts';
    writeFileSync(join(root, path), migration('CoreEmailHeaders1764700000050', '    // edited'));
    const { status, output } = run(root);
    expect(status).toBe(1);
    expect(output).toContain(`${path}: released in 0.1.0 and changed since`);
  });
});
