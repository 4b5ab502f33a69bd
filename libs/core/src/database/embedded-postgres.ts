import { PGlite } from '@electric-sql/pglite';
// PGlite publishes this entry point through package exports only; the CommonJS build resolves it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createPgConfig } = require('@electric-sql/pglite/node-postgres') as {
  createPgConfig: (pglite: PGlite) => Record<string, unknown>;
};
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPgliteTemplate, unpackPgliteTemplateInChild } from './pglite-template';

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
    const pglite = await PGlite.create(dir);
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
