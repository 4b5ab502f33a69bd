import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
// PGlite publishes this entry point through package exports only; the CommonJS build resolves it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createPgConfig } = require('@electric-sql/pglite/node-postgres') as {
  createPgConfig: (pglite: PGlite) => Record<string, unknown>;
};
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

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
    mkdirSync(dir, { recursive: true });
    // `npm start` (scripts/start.mjs) may have begun this folder's initdb while the app loaded.
    const started = (
      globalThis as Record<symbol, { dir: string; done: Promise<void> } | undefined>
    )[Symbol.for('nexus.embedded-initdb')];
    let artifacts: Promise<PGliteArtifacts | undefined> | undefined;
    if (started?.dir === dir) {
      // While the initdb runs elsewhere, this process compiles its own PGlite instead of idling.
      artifacts = loadArtifacts();
      await started.done;
    }
    if (!existsSync(join(dir, 'PG_VERSION'))) await initdbInChildProcess(dir);
    const pglite = await PGlite.create(dir, await artifacts);
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

type PGliteArtifacts = Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>;
// The compiler's lib has no WebAssembly declarations; Node has the global.
const wasm = (
  globalThis as unknown as {
    WebAssembly: { compile(bytes: Uint8Array): Promise<PGliteArtifacts['pgliteWasmModule']> };
  }
).WebAssembly;

/**
 * PGlite's WebAssembly module, compiled, and its file-system bundle: what `PGlite.create` would
 * load itself (options of its public API). Undefined when they cannot be read: PGlite then
 * loads them as usual.
 */
async function loadArtifacts(): Promise<PGliteArtifacts | undefined> {
  try {
    const dist = dirname(require.resolve('@electric-sql/pglite'));
    const [binary, bundle] = await Promise.all([
      readFile(join(dist, 'pglite.wasm')),
      readFile(join(dist, 'pglite.data')),
    ]);
    return { pgliteWasmModule: await wasm.compile(binary), fsBundle: new Blob([bundle]) };
  } catch {
    return undefined;
  }
}

/**
 * PGlite's initdb grows WebAssembly memory that the process never gets back (about 450 MB held for
 * the life of the api, docs/benchmarks.md), so a new database is created by a short-lived process.
 */
async function initdbInChildProcess(dir: string): Promise<void> {
  const script = `require(${JSON.stringify(require.resolve('@electric-sql/pglite'))})
    .PGlite.create(process.argv[1]).then((db) => db.close())`;
  await promisify(execFile)(process.execPath, ['-e', script, dir], { env: {} });
}
