import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * "A lib never names another lib's tables" (docs/content.md, Data access): content's SQL reaches
 * users only through the `author_cards` view. Migrations are not scanned: their foreign keys to
 * `users` are the schema's one link (cascading deletes), fixed once in DDL.
 */
const ROOT = __dirname;
const SQL = /\b(SELECT|FROM|JOIN|INSERT|UPDATE|DELETE)\b/;
const USERS_TABLES = /\b(users|user_sessions|refresh_tokens|account_tokens|follows)\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The text of every string and template literal of a source file that reads as SQL. */
function sqlStrings(fileName: string, text: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (SQL.test(node.text)) out.push(node.text);
    }
    node.forEachChild(visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true));
  return out;
}

describe('content SQL names no table of the users module', () => {
  it('flags a statement joining users (the check itself works)', () => {
    const sample = 'const q = `SELECT a.id FROM articles a JOIN users u ON u.id = a.author_id`;';
    expect(sqlStrings('sample.ts', sample).filter((s) => USERS_TABLES.test(s))).toHaveLength(1);
    const inTemplate = 'const q = `SELECT ${cols} FROM articles a ${join} JOIN users u ON true`;';
    expect(sqlStrings('sample.ts', inTemplate).filter((s) => USERS_TABLES.test(s))).toHaveLength(1);
  });

  it('finds none in libs/content/src', () => {
    const files = sourceFiles(ROOT);
    const offending: string[] = [];
    let statements = 0;
    for (const file of files) {
      const strings = sqlStrings(file, readFileSync(file, 'utf8'));
      statements += strings.length;
      for (const s of strings)
        if (USERS_TABLES.test(s)) offending.push(`${relative(ROOT, file)}: ${s.trim()}`);
    }
    // The scan must have seen the lib's statements, or it proves nothing.
    expect(statements).toBeGreaterThan(20);
    expect(offending).toEqual([]);
  });
});
