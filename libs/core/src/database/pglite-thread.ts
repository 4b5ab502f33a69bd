/** A request to the embedded database's thread (`EmbeddedPostgres`). */
export interface ThreadRequest {
  id: number;
  op: 'open' | 'protocol' | 'query' | 'exec' | 'close';
  data?: Uint8Array;
  sql?: string;
  params?: unknown[];
  blob?: string;
}

/** Its answer, matched by `id`; `error` carries PostgreSQL's fields (`code`, `detail`, …). */
export interface ThreadReply {
  id: number;
  data?: Uint8Array;
  result?: { rows: unknown[]; affectedRows?: number };
  error?: { message: string; [field: string]: unknown };
}

/**
 * The thread that owns PGlite, as source run with `eval` (no separate file to find in `dist/` and
 * in the tests). Requests are handled one at a time in arrival order, so a `query` sent inside a
 * transaction runs between that transaction's statements, as it would on one connection.
 */
export const PGLITE_THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
let db;
let queue = Promise.resolve();

function errorOf(e) {
  const out = { message: e && e.message ? e.message : String(e) };
  for (const k of ['code', 'detail', 'hint', 'severity', 'position', 'table', 'column', 'constraint', 'schema']) {
    if (e && e[k] !== undefined) out[k] = e[k];
  }
  return out;
}

async function handle(m) {
  switch (m.op) {
    case 'open':
      db = await PGlite.create(
        workerData.dir,
        workerData.sharedBuffers
          ? { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=' + workerData.sharedBuffers] }
          : {},
      );
      return {};
    case 'protocol': {
      const data = await db.execProtocolRaw(m.data);
      // A copy of the answer, handed over without another copy when it owns its whole buffer.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      return { data, transfer: own ? [data.buffer] : [] };
    }
    case 'query': {
      const r = await db.query(m.sql, m.params, m.blob === undefined ? undefined : { blob: new Blob([m.blob]) });
      return { result: { rows: r.rows, affectedRows: r.affectedRows } };
    }
    case 'exec':
      await db.exec(m.sql);
      return {};
    case 'close':
      if (db && !db.closed) await db.close();
      return { last: true };
  }
  throw new Error('unknown request ' + m.op);
}

parentPort.on('message', (m) => {
  queue = queue.then(async () => {
    let reply;
    try {
      reply = await handle(m);
    } catch (e) {
      parentPort.postMessage({ id: m.id, error: errorOf(e) });
      return;
    }
    const { transfer, last, ...rest } = reply;
    parentPort.postMessage({ id: m.id, ...rest }, transfer);
    if (last) parentPort.close();
  });
});
`;
