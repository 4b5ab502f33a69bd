import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { findPgliteTemplate, unpackPgliteTemplateInChild } from './pglite-template';
import { PGLITE_THREAD_SOURCE, ThreadReply, ThreadRequest } from './pglite-thread';
import { ThreadPgConnection } from './thread-pg-connection';

/** Postgres's page cache for a small embedded database. */
const SMALL_SHARED_BUFFERS = '32MB';
const SMALL_DATABASE_BYTES = 64 * 1024 * 1024;

export interface EmbeddedQueryResult<T> {
  rows: T[];
  affectedRows?: number;
}

/**
 * Embedded PostgreSQL (PGlite, Postgres compiled to WASM) in a thread of its own, behind
 * node-postgres.
 *
 * PGlite runs every statement synchronously in the thread that owns it. In the api's thread that
 * meant the request log's writes, and every query, were CPU of the event loop that serves
 * requests; in a worker thread they run beside it (docs/benchmarks.md). The api's side speaks the
 * wire protocol to it (`ThreadPgConnection`).
 *
 * PGlite is one Postgres session. It is exposed to TypeORM through that connection and a pg pool
 * of exactly one client, so TypeORM's ordinary `postgres` driver is used in both modes and every
 * transaction holds the session exclusively until it commits or rolls back: queries and
 * transactions from other callers queue in the pool instead of interleaving inside someone
 * else's transaction.
 */
export class EmbeddedPostgres {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ThreadReply) => void>();
  private exited: Error | null = null;
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ThreadReply) => {
      const settle = this.pending.get(reply.id);
      if (!settle) return;
      this.pending.delete(reply.id);
      if (!this.pending.size) worker.unref();
      settle(reply);
    });
    const fail = (e: Error) => {
      this.exited ??= e;
      for (const settle of this.pending.values()) settle({ id: 0, error: { message: e.message } });
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedded database's thread exited (${code})`)));
  }

  static async open(dataDir: string): Promise<EmbeddedPostgres> {
    const dir = join(dataDir, 'pglite');
    if (!existsSync(join(dir, 'PG_VERSION'))) await createDatabase(dir);
    // Postgres touches all of its shared buffers at start (PGlite's default: 128 MB, resident for
    // the life of the process). A small database (a new one, the demo data) is served as well by
    // fewer; a large one keeps the default (docs/benchmarks.md, start-up memory).
    const small = folderBytes(join(dir, 'base')) < SMALL_DATABASE_BYTES;
    const worker = new Worker(PGLITE_THREAD_SOURCE, {
      eval: true,
      workerData: {
        pglite: require.resolve('@electric-sql/pglite'),
        dir,
        sharedBuffers: small ? SMALL_SHARED_BUFFERS : undefined,
      },
      // The thread is told everything it needs; it reads no settings (and no secret) of its own.
      env: {},
    });
    const db = new EmbeddedPostgres(worker);
    try {
      await db.call({ op: 'open' });
    } catch (e) {
      await worker.terminate();
      throw e;
    }
    return db;
  }

  /** Pool options for TypeORM's `extra`: one client on a wire-protocol connection to the thread. */
  poolOptions(): Record<string, unknown> {
    return {
      connection: new ThreadPgConnection((data) => this.protocol(data)),
      user: 'postgres',
      password: 'unused',
      database: 'postgres',
      host: 'localhost',
      port: 5432,
      max: 1,
      idleTimeoutMillis: 0,
    };
  }

  /**
   * One statement outside the pool's session queue. `blob` is the data of `COPY … FROM
   * '/dev/blob'` (PGlite's wire protocol cannot take COPY data from a client). Used inside a
   * transaction that holds the pool's one client, it runs in that transaction.
   */
  async query<T>(
    sql: string,
    params: unknown[] = [],
    options: { blob?: string } = {},
  ): Promise<EmbeddedQueryResult<T>> {
    const reply = await this.call({ op: 'query', sql, params, blob: options.blob });
    return reply.result as EmbeddedQueryResult<T>;
  }

  /** Statements separated by semicolons, no parameters. */
  async exec(sql: string): Promise<void> {
    await this.call({ op: 'exec', sql });
  }

  /** Wire-protocol messages in, the backend's answers out (raw bytes). */
  private async protocol(data: Uint8Array): Promise<Uint8Array> {
    return (await this.call({ op: 'protocol', data })).data!;
  }

  private call(request: Omit<ThreadRequest, 'id'>): Promise<ThreadReply> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Posted first: a request that cannot be sent (a parameter that cannot be cloned) is
      // refused here and leaves nothing pending that would keep the thread referenced.
      this.worker.postMessage({ ...request, id });
      if (!this.pending.size) this.worker.ref();
      this.pending.set(id, (reply) =>
        reply.error ? reject(threadError(reply.error)) : resolve(reply),
      );
    });
  }

  async close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.exited) return;
      const exit = new Promise((resolve) => this.worker.once('exit', resolve));
      await this.call({ op: 'close' }).catch(() => undefined);
      // Kept referenced until it is gone: the process may have nothing else left to wait for.
      this.worker.ref();
      await exit;
    })();
    return this.closing;
  }
}

/** The thread's error, with PostgreSQL's fields (`code`, …) where it had them. */
function threadError(e: NonNullable<ThreadReply['error']>): Error {
  return Object.assign(new Error(e.message), e);
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
