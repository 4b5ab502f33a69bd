#!/usr/bin/env node
// Expand/contract check of the schema migrations (docs/deployment.md, "Migrations").
//
// During a rolling upgrade the previous release keeps running against the migrated schema, so a
// migration the previous release has not seen may only expand it. `migrations.lock.json` lists
// the migrations of every release (path and SHA-256 of the file). This check reads the `up()` of
// every migration that no release lists and refuses the statements that break a reader of the
// old shape:
//
//   DROP TABLE / DROP VIEW, ALTER TABLE … DROP COLUMN, … RENAME COLUMN / RENAME a TO b,
//   … RENAME TO (the table), … ALTER COLUMN … TYPE
//
// unless the object was created by a migration no release has seen either (nothing running reads
// it), or the migration is a contract step that names the release since which nothing reads it:
//
//   // @contract articles.legacy_slug unread-since 0.2.0     (a column: table.column)
//   // @contract old_table unread-since 0.2.0                (a table or view)
//
// The release must be in the lock file, i.e. shipped: the running release is that one or later.
// A released migration never changes (it has already run everywhere): its hash must still match.
//
//   node scripts/migrations-check.mjs                      check (exit 0 clean, 1 refused)
//   node scripts/migrations-check.mjs --release 0.2.0      record the current migrations as a release
//   --root DIR                                             another checkout (tests)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = option('--root') ?? join(fileURLToPath(import.meta.url), '../..');
const lockPath = join(root, 'migrations.lock.json');

/** Every migration file of every lib, in timestamp order (the order TypeORM runs them). */
function migrationFiles() {
  const libs = join(root, 'libs');
  const files = [];
  for (const lib of readdirSync(libs)) {
    const dir = join(libs, lib, 'src/migrations');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/^\d+-.+\.ts$/.test(f)) files.push(join(dir, f));
  }
  const stamp = (f) => Number(/(\d+)-[^/]+$/.exec(f)[1]);
  return files.sort((a, b) => stamp(a) - stamp(b) || a.localeCompare(b));
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * The SQL text of the string literals inside `up(…) { … }`: comments skipped, `${…}` replaced
 * by `?`, each literal ending a statement. Enough of TypeScript for migration files.
 */
export function upSql(source) {
  const start = /\bup\s*\(\s*\w+\s*:\s*QueryRunner\s*\)[^{]*\{/.exec(source);
  if (!start) return '';
  let i = start.index + start[0].length;
  let depth = 1;
  const literals = [];
  while (i < source.length && depth > 0) {
    const c = source[i];
    if (c === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) {
      const close = source[i + 1] === '/' ? '\n' : '*/';
      const end = source.indexOf(close, i + 2);
      i = end < 0 ? source.length : end + close.length;
    } else if (c === '"' || c === "'" || c === '`') {
      let text = '';
      i++;
      while (i < source.length && source[i] !== c) {
        if (source[i] === '\\') {
          text += source[i + 1];
          i += 2;
        } else if (c === '`' && source[i] === '$' && source[i + 1] === '{') {
          let inner = 1;
          i += 2;
          while (i < source.length && inner > 0) {
            if (source[i] === '{') inner++;
            else if (source[i] === '}') inner--;
            i++;
          }
          text += '?';
        } else text += source[i++];
      }
      i++;
      literals.push(text);
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      i++;
    }
  }
  return literals.join(';\n');
}

const stripSqlComments = (sql) => sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
const ident = String.raw`(?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?`;
const bare = (name) =>
  name
    .replace(/"/g, '')
    .replace(/^public\./, '')
    .toLowerCase();

/** What a statement does to existing objects: `{ kind, object }` (`table` or `table.column`). */
export function breakingChanges(statement) {
  const sql = stripSqlComments(statement).replace(/\s+/g, ' ').trim();
  const found = [];
  const drop = new RegExp(
    String.raw`^DROP (?:MATERIALIZED )?(TABLE|VIEW) (?:IF EXISTS )?((?:${ident})(?: ?, ?${ident})*)`,
    'i',
  ).exec(sql);
  if (drop) {
    for (const name of drop[2].split(','))
      found.push({ kind: `DROP ${drop[1].toUpperCase()}`, object: bare(name.trim()) });
    return found;
  }
  const alter = new RegExp(
    String.raw`^ALTER (TABLE|VIEW|MATERIALIZED VIEW) (?:IF EXISTS )?(?:ONLY )?(${ident}) (.*)$`,
    'is',
  ).exec(sql);
  if (!alter) return found;
  const table = bare(alter[2]);
  // The actions of one ALTER TABLE are comma-separated (no commas inside the ones we look for).
  for (const action of alter[3].split(',').map((a) => a.trim())) {
    let m;
    if (
      (m = /^DROP (?:COLUMN )?(?:IF EXISTS )?("[^"]+"|[\w$]+)/i.exec(action)) &&
      !/^DROP (CONSTRAINT|DEFAULT|NOT NULL|EXPRESSION|IDENTITY)\b/i.test(action)
    )
      found.push({ kind: 'DROP COLUMN', object: `${table}.${bare(m[1])}` });
    else if ((m = /^RENAME TO /i.exec(action))) found.push({ kind: 'RENAME TO', object: table });
    else if (
      (m = /^RENAME (?:COLUMN )?("[^"]+"|[\w$]+) TO /i.exec(action)) &&
      !/^RENAME CONSTRAINT\b/i.test(action)
    )
      found.push({ kind: 'RENAME COLUMN', object: `${table}.${bare(m[1])}` });
    else if ((m = /^ALTER (?:COLUMN )?("[^"]+"|[\w$]+) (?:SET DATA )?TYPE /i.exec(action)))
      found.push({ kind: 'ALTER COLUMN TYPE', object: `${table}.${bare(m[1])}` });
  }
  return found;
}

/** Tables, views and columns a statement creates (so a later unreleased step may drop them). */
function created(statement) {
  const sql = stripSqlComments(statement).replace(/\s+/g, ' ').trim();
  const out = [];
  const table = new RegExp(
    String.raw`^CREATE (?:OR REPLACE )?(?:UNLOGGED )?(?:MATERIALIZED )?(?:TABLE|VIEW) (?:IF NOT EXISTS )?(${ident})`,
    'i',
  ).exec(sql);
  if (table) out.push(bare(table[1]));
  const alter = new RegExp(
    String.raw`^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(${ident}) (.*)$`,
    'is',
  ).exec(sql);
  if (alter)
    for (const action of alter[2].split(',')) {
      const m = /^\s*ADD (?:COLUMN )?(?:IF NOT EXISTS )?("[^"]+"|[\w$]+)/i.exec(action);
      if (m && !/^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)$/i.test(m[1]))
        out.push(`${bare(alter[1])}.${bare(m[1])}`);
    }
  return out;
}

const contracts = (source) =>
  [...source.matchAll(/@contract\s+([\w$.]+)\s+unread-since\s+(\S+)/g)].map((m) => ({
    object: m[1].toLowerCase(),
    release: m[2],
  }));

function readLock() {
  if (!existsSync(lockPath)) return { releases: [] };
  return JSON.parse(readFileSync(lockPath, 'utf8'));
}

function record(version) {
  const lock = readLock();
  const migrations = {};
  for (const f of migrationFiles()) migrations[relative(root, f)] = sha256(readFileSync(f, 'utf8'));
  const last = lock.releases.at(-1);
  if (last?.version === version) lock.releases.pop();
  lock.releases.push({ version, migrations });
  writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
  process.stdout.write(
    `release ${version}: ${Object.keys(migrations).length} migrations recorded\n`,
  );
}

function check() {
  const lock = readLock();
  const released = new Map();
  for (const r of lock.releases)
    for (const [path, hash] of Object.entries(r.migrations))
      released.set(path, { hash, release: r.version });
  const versions = new Set(lock.releases.map((r) => r.version));
  const problems = [];
  const newObjects = new Set();
  let checked = 0;
  for (const file of migrationFiles()) {
    const path = relative(root, file);
    const source = readFileSync(file, 'utf8');
    const known = released.get(path);
    if (known) {
      if (known.hash !== sha256(source))
        problems.push(
          `${path}: released in ${known.release} and changed since; a released migration has already run and never changes (write a new one)`,
        );
      continue;
    }
    checked++;
    const claims = contracts(source);
    for (const claim of claims)
      if (!versions.has(claim.release))
        problems.push(
          `${path}: @contract ${claim.object} names release ${claim.release}, which migrations.lock.json does not list (only a shipped release can have stopped reading it)`,
        );
    for (const statement of upSql(source).split(';')) {
      for (const change of breakingChanges(statement)) {
        const table = change.object.split('.')[0];
        if (newObjects.has(change.object) || newObjects.has(table)) continue;
        const claim = claims.find((c) => c.object === change.object && versions.has(c.release));
        if (claim) continue;
        problems.push(
          `${path}: ${change.kind} ${change.object}: the previous release still reads it; expand now and contract in a later release (mark that migration "@contract ${change.object} unread-since <release>")`,
        );
      }
      for (const object of created(statement)) newObjects.add(object);
    }
  }
  for (const p of problems) process.stderr.write(`migrations:check: ${p}\n`);
  if (problems.length) process.exit(1);
  const last = lock.releases.at(-1)?.version ?? 'none';
  process.stdout.write(
    `migrations:check: ${checked} unreleased migration(s) since release ${last} only expand the schema\n`,
  );
}

const release = option('--release');
if (release) record(release);
else check();
