import { PGlite } from '@electric-sql/pglite';
// PGlite publishes this entry point through package exports only; the CommonJS build resolves it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createPgConfig } = require('@electric-sql/pglite/node-postgres') as {
  createPgConfig: (pglite: PGlite) => Record<string, unknown>;
};
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPgliteTemplate, unpackPgliteTemplateInChild } from './pglite-template';

/** Postgres's page cache for a small embedded database. */
const SMALL_SHARED_BUFFERS = '32MB';
const SMALL_DATABASE_BYTES = 64 * 1024 * 1024;

/**
 * Embedded PostgreSQL (PGlite, Postgres compiled to WASM) behind node-postgres.
 *
 * PGlite is one Postgres session. It is exposed to TypeORM through PGlite's own node-postgres
 * connection and a pg pool of exactly one client, so TypeORM's ordinary `postgres` driver is used
 * in both modes and every transaction holds the session exclusively until it commits or rolls
 * back: queries and transactions from other callers queue in the pool instead of interleaving
 * inside someone else's transaction. (typeorm-pglite hands every caller the same session at once,
 * which lets a rollback undo another transaction's committed write.)
 */
export class EmbeddedPostgres {
  private constructor(readonly pglite: PGlite) {}

  static async open(dataDir: string): Promise<EmbeddedPostgres> {
    const dir = join(dataDir, 'pglite');
    if (!existsSync(join(dir, 'PG_VERSION'))) await createDatabase(dir);
    // Postgres touches all of its shared buffers at start (PGlite's default: 128 MB, resident for
    // the life of the process). A small database (a new one, the demo data) is served as well by
    // fewer; a large one keeps the default (docs/benchmarks.md, start-up memory).
    const small = folderBytes(join(dir, 'base')) < SMALL_DATABASE_BYTES;
    const pglite = await PGlite.create(
      dir,
      small
        ? {
            startParams: [
              ...PGlite.defaultStartParams,
              '-c',
              `shared_buffers=${SMALL_SHARED_BUFFERS}`,
            ],
          }
        : {},
    );
    return new EmbeddedPostgres(pglite);
  }

  /** Pool options for TypeORM's `extra`: one client on PGlite's wire-protocol connection. */
  poolOptions(): Record<string, unknown> {
    const pgConfig = createPgConfig(this.pglite);
    return { ...pgConfig, max: 1, idleTimeoutMillis: 0 };
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

/**
 * A new database is unpacked from the repository's template (what initdb writes, made by
 * scripts/pglite-template.mjs), a small fraction of initdb's time. Without one, PGlite's initdb
 * runs in a short-lived process: it grows WebAssembly memory that a process never gets back.
 */
async function createDatabase(dir: string): Promise<void> {
  const template = findPgliteTemplate();
  if (template) {
    try {
      mkdirSync(join(dir, '..'), { recursive: true });
      await unpackPgliteTemplateInChild(template, dir);
      return;
    } catch {
      // initdb below reports whatever is wrong with the folder.
    }
  }
  mkdirSync(dir, { recursive: true });
  const script = `require(${JSON.stringify(require.resolve('@electric-sql/pglite'))})
    .PGlite.create(process.argv[1]).then((db) => db.close())`;
  await promisify(execFile)(process.execPath, ['-e', script, dir], { env: {} });
}

/** Bytes of the files below `path` (base/: every database's tables); unreadable counts as large. */
function folderBytes(path: string): number {
  try {
    let total = 0;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      total += entry.isDirectory() ? folderBytes(child) : statSync(child).size;
    }
    return total;
  } catch {
    return Infinity;
  }
}
