import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { fullModeAvailable } from '../support/modes';
import { ROOT, builtEntry } from './infra-files';

/**
 * scripts/restore-drill.mjs against the local PostgreSQL: a database with Nexus's schema (applied
 * by the same migration command as the deployments) and data is dumped, restored into a scratch
 * database and compared; a broken dump fails the drill; the scratch database never stays behind.
 */

const describeFull = fullModeAvailable() ? describe : describe.skip;

function drill(env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts/restore-drill.mjs'), ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describeFull('PostgreSQL restore drill (scripts/restore-drill.mjs)', () => {
  const database = `nexus_drill_${process.pid}`;
  let adminUrl: URL;
  let sourceUrl: URL;
  let dir: string;

  const scratchDatabases = async () => {
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'nexus_restore_drill_%'`,
    );
    await admin.end();
    return rows.map((r) => r.datname);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nexus-drill-'));
    adminUrl = new URL(process.env.TEST_DATABASE_URL!);
    sourceUrl = new URL(adminUrl);
    sourceUrl.pathname = `/${database}`;
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const entry = builtEntry('api'); // built by test/infra/global-setup.ts
    execFileSync(
      process.execPath,
      [
        'node_modules/typeorm/cli.js',
        'migration:run',
        '-d',
        entry.replace(/main\.js$/, 'data-source.js'),
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: sourceUrl.toString(),
          JWT_SECRET: 'd'.repeat(48),
          DATA_DIR: join(dir, 'data'),
          LOG_LEVEL: 'warn',
        },
        stdio: 'pipe',
      },
    );
    const source = new Client({ connectionString: sourceUrl.toString() });
    await source.connect();
    await source.query('CREATE TABLE drill_rows (id int PRIMARY KEY, note text NOT NULL)');
    await source.query(
      `INSERT INTO drill_rows SELECT i, 'row ' || i FROM generate_series(1, 1500) AS i`,
    );
    await source.end();
  }, 180_000);

  afterAll(async () => {
    if (adminUrl) {
      const admin = new Client({ connectionString: adminUrl.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table with its rows and the applied migrations, then drops the scratch database', async () => {
    const r = await drill({ DATABASE_URL: sourceUrl.toString() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^restore drill OK: \d+ tables, \d+ rows, [1-9]\d* migrations/);
    expect(r.stdout).toMatch(/^ {2}public\.drill_rows 1500$/m);
    expect(r.stdout).toMatch(/^ {2}public\.users 0$/m);
    expect(await scratchDatabases()).toEqual([]);
  });

  it('fails on a dump that cannot be restored, and still drops the scratch database', async () => {
    const broken = join(dir, 'broken.dump');
    writeFileSync(broken, 'PGDMP this is not a dump');
    const r = await drill({ DATABASE_URL: sourceUrl.toString() }, ['--dump', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^restore drill FAILED: pg_restore exited/);
    expect(await scratchDatabases()).toEqual([]);
  });
});
