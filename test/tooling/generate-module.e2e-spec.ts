import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { testModes } from '../support/modes';

/**
 * `npm run generate:module`: refused names, and a generated module that passes typecheck, lint,
 * boundaries and its own unit and e2e tests in a copy of the repository, without a single edit.
 */
const REPO = join(__dirname, '../..');
const GENERATOR = join(REPO, 'scripts/generate-module.mjs');
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'dist', 'data', 'coverage']);

interface Run {
  code: number | null;
  output: string;
}

/** The repository's files (tracked and new, as git sees them), node_modules linked. */
function copyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nexus-generate-'));
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: REPO,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
  } catch {
    files = walk(REPO, '');
  }
  try {
    for (const file of files) {
      if (SKIPPED_DIRS.has(file.split('/')[0])) continue; // e.g. a node_modules symlink
      if (!existsSync(join(REPO, file))) continue; // deleted in the work tree, not yet in git
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(REPO, file), join(dir, file));
    }
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Outside a git checkout: every file but the build, data and dependency folders. */
function walk(root: string, prefix: string): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : walk(root, path);
    return [path];
  });
}

function generate(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [GENERATOR, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Runs a command in `cwd`, collecting its output; never rejects. */
function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output: output.slice(-20_000) }));
  });
}

describe('generate:module name validation', () => {
  it.each([
    ['no name', [], /a module name is required/],
    ['upper case', ['Bookmarks'], /not kebab-case/],
    ['an underscore', ['read_later'], /not kebab-case/],
    ['a leading digit', ['1st-things'], /not kebab-case/],
    ['a double hyphen', ['reading--lists'], /not kebab-case/],
    ['a trailing hyphen', ['bookmarks-'], /not kebab-case/],
    ['a path', ['../bookmarks'], /not kebab-case/],
    ['an existing lib', ['content'], /reserved|exists/],
    ['a reserved word', ['shared'], /reserved/],
    ['a route of another module', ['articles'], /reserved/],
    ['a name too long', ['a'.repeat(41)], /longer than 40/],
    ['two names', ['bookmarks', 'likes'], /one module name only/],
    ['an unknown option', ['bookmarks', '--force'], /unknown option --force/],
    ['--item without a value', ['bookmarks', '--item'], /--item needs a value/],
    [
      'an --item not in kebab-case',
      ['bookmarks', '--item', 'Mark'],
      /--item "Mark" is not kebab-case/,
    ],
  ])('refuses %s with a message and exit code 2', (_, args, message) => {
    const r = generate([...args, '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(message);
  });

  it.each([
    ['bookmarks', [], 'bookmark', 'bookmarks'],
    ['reading-lists', [], 'reading list', 'reading_lists'],
    ['stories', [], 'story', 'stories'],
    ['boxes', [], 'box', 'boxes'],
    ['news', ['--item', 'news-item'], 'news item', 'news'],
    ['wiki', [], 'wiki', 'wiki'],
  ])('names the resource of %s after it', (name, extra, resource, table) => {
    const r = generate([name, ...extra, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.output).toContain(`(resource: ${resource}, table: ${table})`);
  });

  it('stops at an anchor it cannot find, with nothing written', () => {
    const root = mkdtempSync(join(tmpdir(), 'nexus-generate-anchor-'));
    try {
      for (const f of [
        'tsconfig.json',
        '.dependency-cruiser.cjs',
        'eslint.config.mjs',
        'apps/api/src/app.module.ts',
        'apps/worker/src/worker.module.ts',
        'apps/api/src/data-source.ts',
      ]) {
        mkdirSync(dirname(join(root, f)), { recursive: true });
        cpSync(join(REPO, f), join(root, f));
      }
      const jestConfig = readFileSync(join(REPO, 'jest.config.js'), 'utf8');
      const edited = jestConfig.replace(/^.*'\^@nexus\/content\$'.*\n/m, '');
      expect(edited).not.toEqual(jestConfig);
      writeFileSync(join(root, 'jest.config.js'), edited);

      const r = generate(['bookmarks'], { NEXUS_GENERATE_ROOT: root });
      expect(r.code).toBe(2);
      expect(r.output).toMatch(/jest\.config\.js: cannot add the module name mapping/);
      expect(existsSync(join(root, 'libs/bookmarks'))).toBe(false);
      expect(readFileSync(join(root, 'tsconfig.json'), 'utf8')).toEqual(
        readFileSync(join(REPO, 'tsconfig.json'), 'utf8'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('generate:module bookmarks, checked in a copy of the repository', () => {
  const modes = testModes();
  let copy: string;
  let generated: Run;
  const checks: Record<string, Run> = {};
  let report: {
    testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
  };

  beforeAll(async () => {
    copy = copyRepository();
    generated = await run(copy, ['scripts/generate-module.mjs', 'bookmarks']);
    if (generated.code !== 0) return;
    // The services of full mode only when this run has them; Jest's own variables stay outside.
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.JEST_WORKER_ID;
    if (!modes.includes('full')) {
      delete env.TEST_DATABASE_URL;
      delete env.TEST_REDIS_URL;
    }
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`;
    const bin = (name: string) => join(copy, 'node_modules', name);
    const [typecheck, lint, boundaries, tests] = await Promise.all([
      run(copy, [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']),
      run(copy, [bin('eslint/bin/eslint.js'), 'libs/bookmarks', 'test/bookmarks', 'apps']),
      run(copy, [
        bin('dependency-cruiser/bin/dependency-cruise.mjs'),
        'apps',
        'libs',
        '--config',
        '.dependency-cruiser.cjs',
      ]),
      run(
        copy,
        [
          bin('jest/bin/jest.js'),
          'libs/bookmarks',
          'test/bookmarks',
          '--json',
          `--outputFile=${join(copy, 'jest-report.json')}`,
        ],
        env,
      ),
    ]);
    Object.assign(checks, { typecheck, lint, boundaries, tests });
    if (existsSync(join(copy, 'jest-report.json'))) {
      report = JSON.parse(readFileSync(join(copy, 'jest-report.json'), 'utf8'));
    }
  }, 300_000);
  afterAll(() => copy && rmSync(copy, { recursive: true, force: true }));

  it('creates the lib and its e2e suite, and wires aliases, boundaries and the apps', () => {
    expect(generated).toMatchObject({ code: 0 });
    const read = (f: string) => readFileSync(join(copy, f), 'utf8');
    const lib = 'libs/bookmarks/src';
    for (const f of [
      `${lib}/index.ts`,
      `${lib}/bookmarks.module.ts`,
      `${lib}/bookmarks.events.ts`,
      `${lib}/bookmarks/bookmarks.controller.ts`,
      `${lib}/bookmarks/bookmarks.service.ts`,
      `${lib}/bookmarks/bookmarks.service.spec.ts`,
      `${lib}/bookmarks/bookmarks.repository.ts`,
      `${lib}/bookmarks/dto/bookmarks.dto.ts`,
      `${lib}/migrations/index.ts`,
      'test/bookmarks/bookmarks.e2e-spec.ts',
    ]) {
      expect(existsSync(join(copy, f))).toBe(true);
    }
    expect(readdirSync(join(copy, lib, 'migrations'))).toContainEqual(
      expect.stringMatching(/^\d{13}-bookmarks\.ts$/),
    );
    expect(read('tsconfig.json')).toContain('"@nexus/bookmarks": ["libs/bookmarks/src"]');
    expect(read('jest.config.js')).toContain(
      "'^@nexus/bookmarks$': '<rootDir>/libs/bookmarks/src'",
    );
    expect(read('.dependency-cruiser.cjs')).toMatch(/const FEATURES = '\(.*\|bookmarks\)'/);
    expect(read('eslint.config.mjs')).toMatch(/const FEATURE_LIBS = \[.*'bookmarks'\]/);
    for (const app of [
      'apps/api/src/app.module.ts',
      'apps/worker/src/worker.module.ts',
      'apps/api/src/data-source.ts',
    ]) {
      expect(read(app)).toMatch(/\.\.\.bookmarksMigrations\b/);
    }
    expect(read('apps/api/src/app.module.ts')).toMatch(/^\s+BookmarksModule,$/m);
    // The worker runs no controllers; the sample module has nothing else.
    expect(read('apps/worker/src/worker.module.ts')).not.toContain('BookmarksModule');
    // No SQL outside the repository and the migration.
    for (const f of ['bookmarks.service.ts', 'bookmarks.controller.ts']) {
      expect(read(`${lib}/bookmarks/${f}`)).not.toMatch(/\b(SELECT|INSERT|DELETE FROM)\b/);
    }
  });

  it.each(['typecheck', 'lint', 'boundaries'])('passes %s', (check) => {
    expect(checks[check]).toMatchObject({ code: 0 });
  });

  const results = (pick: (file: string, fullName: string) => boolean) =>
    (report?.testResults ?? []).flatMap((file) =>
      file.assertionResults.filter((a) => pick(file.name, a.fullName)),
    );

  it('passes its unit tests', () => {
    const unit = results((file) => file.includes('/libs/bookmarks/'));
    expect(unit.length).toBeGreaterThan(0);
    expect(unit.filter((a) => a.status !== 'passed')).toEqual([]);
  });

  describe.each(modes)('its e2e suite in %s mode', (mode) => {
    it('passes', () => {
      expect(checks.tests).toMatchObject({ code: 0 });
      const e2e = results(
        (file, name) => file.includes('/test/bookmarks/') && name.includes(`(${mode} mode)`),
      );
      expect(e2e.length).toBeGreaterThanOrEqual(10);
      expect(e2e.filter((a) => a.status !== 'passed')).toEqual([]);
    });
  });
});
