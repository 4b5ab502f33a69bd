#!/usr/bin/env node
// PostgreSQL restore drill: dumps DATABASE_URL with pg_dump (custom format), restores the dump into
// a new scratch database on the same server with pg_restore, compares every table's row count and
// the applied migrations, then drops the scratch database. Exit 0 only when the restore is
// complete and identical. A backup nobody has restored is a hope, not a backup: run this on a
// schedule against a replica or a copy (docs/deployment.md, "Backups and restore").
//
//   DATABASE_URL=postgres://… node scripts/restore-drill.mjs [--dump FILE] [--keep]
//
// --dump FILE  restore this existing dump instead of taking a new one (tests a real backup file)
// --keep       leave the scratch database for inspection
// Needs pg_dump / pg_restore of the server's major version or newer, and a role that may CREATE
// DATABASE. Touches the source database only through pg_dump (a consistent snapshot, no locks
// that block writes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const dumpArg = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : undefined;
const source = process.env.DATABASE_URL;
if (!source) {
  process.stderr.write('restore drill: set DATABASE_URL\n');
  process.exit(2);
}

class DrillError extends Error {}
const fail = (message) => {
  throw new DrillError(message);
};
const run = (bin, argv) => {
  const r = spawnSync(bin, argv, { encoding: 'utf8' });
  if (r.error) fail(`${bin}: ${r.error.message}`);
  if (r.status !== 0) fail(`${bin} exited ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
};

/** Row count of every table and the applied migrations, as `client` sees them. */
async function tableCounts(client) {
  {
    const tables = await client.query(
      `SELECT schemaname, tablename FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
        ORDER BY schemaname, tablename`,
    );
    const counts = new Map();
    for (const { schemaname, tablename } of tables.rows) {
      const name = `${client.escapeIdentifier(schemaname)}.${client.escapeIdentifier(tablename)}`;
      const { rows } = await client.query(`SELECT count(*)::bigint AS n FROM ${name}`);
      counts.set(`${schemaname}.${tablename}`, Number(rows[0].n));
    }
    const migrations = counts.has('public.migrations')
      ? (await client.query('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name)
      : [];
    return { counts, migrations };
  }
}

const work = mkdtempSync(join(tmpdir(), 'nexus-restore-drill-'));
const dump = dumpArg ?? join(work, 'nexus.dump');
const scratchName = `nexus_restore_drill_${process.pid}_${Date.now()}`;
const scratch = new URL(source);
scratch.pathname = `/${scratchName}`;
const admin = new Client({ connectionString: source });
let created = false;

try {
  let before;
  if (!dumpArg) {
    // Counted in the very snapshot pg_dump dumps (exported from this transaction), so writes
    // going on meanwhile cannot make the comparison differ.
    const reader = new Client({ connectionString: source });
    await reader.connect();
    try {
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await reader.query('SELECT pg_export_snapshot() AS id');
      before = await tableCounts(reader);
      run('pg_dump', [
        '--format=custom',
        '--no-owner',
        `--snapshot=${rows[0].id}`,
        `--file=${dump}`,
        source,
      ]);
      await reader.query('COMMIT');
    } finally {
      await reader.end();
    }
  }

  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(scratchName)}`);
  created = true;
  run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${scratch}`, dump]);
  const restored = new Client({ connectionString: scratch.toString() });
  await restored.connect();
  const after = await tableCounts(restored).finally(() => restored.end());

  const problems = [];
  if (after.counts.size === 0) problems.push('the restored database has no tables');
  if (before) {
    for (const [table, n] of before.counts) {
      const m = after.counts.get(table);
      if (m === undefined) problems.push(`${table}: missing after restore`);
      else if (m !== n) problems.push(`${table}: ${n} rows, ${m} after restore`);
    }
    if (before.migrations.join() !== after.migrations.join()) {
      problems.push('applied migrations differ');
    }
  }
  if (problems.length) fail(problems.join('; '));
  const rows = [...after.counts.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(
    `restore drill OK: ${after.counts.size} tables, ${rows} rows, ` +
      `${after.migrations.length} migrations restored into ${scratchName}` +
      `${keep ? ' (kept)' : ''}\n`,
  );
  for (const [table, n] of after.counts) process.stdout.write(`  ${table} ${n}\n`);
} catch (e) {
  process.stderr.write(`restore drill FAILED: ${e instanceof Error ? e.message : e}\n`);
  process.exitCode = 1;
} finally {
  if (created && !keep) {
    await admin.query(
      `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(scratchName)} WITH (FORCE)`,
    );
  }
  await admin.end().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
