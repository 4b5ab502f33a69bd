#!/usr/bin/env node
// `npm run generate:module -- <name> [--item <singular>] [--dry-run]`: a new feature lib in
// libs/<name> from scripts/module-template/, wired into the aliases, the boundary lists and the
// apps (docs/adding-a-module.md). Every edit of an existing file is checked before any file is
// written, so a missing anchor stops the run with nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = process.env.NEXUS_GENERATE_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'module-template');

/**
 * Names that would collide with a directory, an alias, a route or a process of the repository, or
 * read as something other than a feature (`core`, `shared`).
 */
const RESERVED = new Set([
  'admin',
  'api',
  'app',
  'apps',
  'auth',
  'bench',
  'common',
  'content',
  'core',
  'dist',
  'docs',
  'health',
  'lib',
  'libs',
  'metrics',
  'module',
  'modules',
  'nexus',
  'node-modules',
  'scripts',
  'shared',
  'src',
  'support',
  'system',
  'test',
  'tests',
  'tooling',
  'users',
  'worker',
  // Routes of the existing modules under /api/v1.
  'articles',
  'comments',
  'feed',
  'reactions',
  'search',
  'tags',
  'trending',
]);
const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 40;

class UsageError extends Error {}

/** Why `name` cannot be a new module, or undefined when it can. */
export function nameProblem(name, root = ROOT) {
  if (!name) return 'a module name is required: npm run generate:module -- <name>';
  if (name.length > MAX_NAME_LENGTH)
    return `"${name}" is longer than ${MAX_NAME_LENGTH} characters`;
  if (!NAME_PATTERN.test(name)) {
    return `"${name}" is not kebab-case: lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. reading-lists)`;
  }
  if (RESERVED.has(name))
    return `"${name}" is reserved (it names a folder, a route or a module of this repository)`;
  if (existsSync(join(root, 'libs', name))) return `libs/${name} exists already`;
  if (existsSync(join(root, 'test', name))) return `test/${name} exists already`;
  const tsconfig = readFileSync(join(root, 'tsconfig.json'), 'utf8');
  if (tsconfig.includes(`"@nexus/${name}"`)) {
    return `the alias @nexus/${name} is declared already in tsconfig.json (a module planned or being built)`;
  }
  return undefined;
}

/** `reading-lists` → `reading-list`; a name that is not an English plural is its own singular. */
export function singularOf(name) {
  if (/ies$/.test(name)) return name.replace(/ies$/, 'y');
  if (/(ss|us|is)$/.test(name)) return name;
  if (/(sh|ch|x|z|ss)es$/.test(name)) return name.replace(/es$/, '');
  if (/s$/.test(name)) return name.replace(/s$/, '');
  return name;
}

const pascal = (kebab) =>
  kebab
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const camel = (kebab) => pascal(kebab).replace(/^./, (c) => c.toLowerCase());

function tokensFor(name, item, timestamp) {
  return {
    name,
    Name: pascal(name),
    nameCamel: camel(name),
    table: name.replace(/-/g, '_'),
    item,
    Item: pascal(item),
    itemCamel: camel(item),
    itemWords: item.replace(/-/g, ' '),
    timestamp: String(timestamp),
  };
}

function fill(text, tokens, where) {
  return text.replace(/__([A-Za-z]+)__/g, (match, key) => {
    if (!(key in tokens)) throw new Error(`unknown placeholder ${match} in ${where}`);
    return tokens[key];
  });
}

function templateFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? templateFiles(join(dir, e.name), join(prefix, e.name))
      : [join(prefix, e.name)],
  );
}

/** Target path of a template: lib/… → libs/<name>/…, test/… → test/<name>/…, `.tpl` dropped. */
function targetOf(templatePath, tokens) {
  const [top, ...rest] = templatePath.split(/[\\/]/);
  const base =
    top === 'lib' ? ['libs', tokens.name] : top === 'test' ? ['test', tokens.name] : null;
  if (!base) throw new Error(`template outside lib/ or test/: ${templatePath}`);
  return join(...base, ...rest.map((p) => fill(p, tokens, templatePath))).replace(/\.tpl$/, '');
}

/**
 * One text edit of an existing file: `find` must match exactly once, else the run stops (a file
 * changed shape since this generator was written, and a guess could corrupt it). `replace` is a
 * function so that a `$` in the new text is never read as a replacement pattern.
 */
function edit(path, text, find, replace, what) {
  const matches = text.match(
    new RegExp(find.source, find.flags.includes('g') ? find.flags : `${find.flags}g`),
  );
  if (!matches || matches.length !== 1) {
    throw new UsageError(
      `${path}: cannot ${what}: expected exactly one match of ${find} but found ${matches?.length ?? 0}. ` +
        'Make this change by hand (docs/adding-a-module.md lists each one) and run again with the file restored, or fix the anchor in scripts/generate-module.mjs.',
    );
  }
  return text.replace(find, replace);
}

/** The edits of existing files, as [path, new text, summary lines]. Nothing is written here. */
function wiringEdits(t) {
  const read = (p) => readFileSync(join(ROOT, p), 'utf8');
  const modules = `${t.Name}Module`;
  const migrations = `${t.nameCamel}Migrations`;
  const importLine = `import { ${modules}, ${migrations} } from '@nexus/${t.name}';`;
  const contentImport = /^import \{[^}\n]*\bcontentMigrations\b[^}\n]*\} from '@nexus\/content';$/m;
  const addMigrations = (text, path) =>
    edit(
      path,
      text,
      /\.\.\.contentMigrations\b/,
      () => `...contentMigrations, ...${migrations}`,
      'add the migrations after contentMigrations',
    );
  const edits = [];

  let p = 'tsconfig.json';
  edits.push([
    p,
    edit(
      p,
      read(p),
      /^(\s*)("@nexus\/content": \["libs\/content\/src"\],)$/m,
      (_, indent, line) => `${indent}${line}\n${indent}"@nexus/${t.name}": ["libs/${t.name}/src"],`,
      'add the path alias',
    ),
    [`"@nexus/${t.name}": ["libs/${t.name}/src"]`],
  ]);
  p = 'jest.config.js';
  edits.push([
    p,
    edit(
      p,
      read(p),
      /^(\s*)('\^@nexus\/content\$': '<rootDir>\/libs\/content\/src',)$/m,
      (_, indent, line) =>
        `${indent}${line}\n${indent}'^@nexus/${t.name}$': '<rootDir>/libs/${t.name}/src',`,
      'add the module name mapping',
    ),
    [`'^@nexus/${t.name}$': '<rootDir>/libs/${t.name}/src'`],
  ]);
  p = '.dependency-cruiser.cjs';
  edits.push([
    p,
    edit(
      p,
      read(p),
      /^(const FEATURES = '\([^)\n]*)\)';$/m,
      (_, head) => `${head}|${t.name})';`,
      'add the lib to FEATURES',
    ),
    [`FEATURES += ${t.name}`],
  ]);
  p = 'eslint.config.mjs';
  edits.push([
    p,
    edit(
      p,
      read(p),
      /^(const FEATURE_LIBS = \[[^\]\n]*)\];$/m,
      (_, head) => `${head}, '${t.name}'];`,
      'add the lib to FEATURE_LIBS',
    ),
    [`FEATURE_LIBS += '${t.name}'`],
  ]);
  p = 'apps/api/src/app.module.ts';
  {
    let text = read(p);
    text = edit(p, text, contentImport, (line) => `${line}\n${importLine}`, 'add the import');
    text = addMigrations(text, p);
    text = edit(
      p,
      text,
      /^(\s*)ContentModule,$/m,
      (_, indent) => `${indent}ContentModule,\n${indent}${modules},`,
      `add ${modules} after ContentModule`,
    );
    edits.push([
      p,
      text,
      [importLine, `migrations: [..., ...${migrations}]`, `imports: [..., ${modules}]`],
    ]);
  }
  // The worker composes no controllers, only the background part of each module, and the sample
  // has none: it gets the migrations, so that either process can bring the schema up to date.
  for (p of ['apps/worker/src/worker.module.ts', 'apps/api/src/data-source.ts']) {
    let text = read(p);
    text = edit(
      p,
      text,
      contentImport,
      (line) => `${line}\nimport { ${migrations} } from '@nexus/${t.name}';`,
      'add the import',
    );
    text = addMigrations(text, p);
    edits.push([
      p,
      text,
      [`import { ${migrations} } from '@nexus/${t.name}';`, `migrations: [..., ...${migrations}]`],
    ]);
  }
  return edits;
}

function parseArgs(argv) {
  const opts = { dryRun: false, item: undefined, name: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--item') {
      opts.item = argv[++i];
      if (!opts.item || opts.item.startsWith('-'))
        throw new UsageError('--item needs a value: --item <singular>');
    } else if (a.startsWith('--item=')) opts.item = a.slice('--item='.length);
    else if (a.startsWith('-'))
      throw new UsageError(`unknown option ${a} (known: --item <singular>, --dry-run)`);
    else if (opts.name === undefined) opts.name = a;
    else throw new UsageError(`one module name only (got "${opts.name}" and "${a}")`);
  }
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const problem = nameProblem(opts.name);
  if (problem) throw new UsageError(problem);
  const item = opts.item ?? singularOf(opts.name);
  if (!NAME_PATTERN.test(item)) throw new UsageError(`--item "${item}" is not kebab-case`);
  const t = tokensFor(opts.name, item, Date.now());

  const files = templateFiles(TEMPLATE_DIR).map((tpl) => [
    targetOf(tpl, t),
    fill(readFileSync(join(TEMPLATE_DIR, tpl), 'utf8'), t, tpl),
  ]);
  const edits = wiringEdits(t);

  const log = (line = '') => process.stdout.write(`${line}\n`);
  log(
    `${opts.dryRun ? 'Would create' : 'Creating'} @nexus/${t.name} (resource: ${t.itemWords}, table: ${t.table})`,
  );
  for (const [path] of files) log(`  + ${path}`);
  log(`${opts.dryRun ? 'Would edit' : 'Edited'}:`);
  for (const [path, , lines] of edits) for (const line of lines) log(`  ~ ${path}: ${line}`);
  if (opts.dryRun) return;

  for (const [path, text] of files) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
  }
  for (const [path, text] of edits) writeFileSync(join(ROOT, path), text);
  // Names change line lengths, and the edited app files get longer lines.
  const prettier = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/prettier/bin/prettier.cjs'),
      '--log-level',
      'warn',
      '--write',
      ...files.map(([p]) => p),
      ...edits.map(([p]) => p).filter((p) => p.endsWith('.ts')),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (prettier.status !== 0) throw new Error('prettier failed on the generated files');
  log();
  log('Next:');
  log(`  npm run typecheck && npm run lint && npm run boundaries`);
  log(`  npm test -- libs/${t.name} test/${t.name}`);
  log(`  then replace the sample resource with yours (docs/adding-a-module.md).`);
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  try {
    main();
  } catch (e) {
    process.stderr.write(
      `generate:module: ${e instanceof UsageError ? '' : 'internal error: '}${e.message}\n`,
    );
    process.exit(e instanceof UsageError ? 2 : 1);
  }
}
