import type { EmbeddedPostgres } from '@nexus/core';
import type { EntityManager } from 'typeorm';

/** What node-postgres hands a custom query object (`client.query(submittable)`). */
interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` through node-postgres' submittable interface (what pg-copy-streams does,
 * without a stream: the batch is one string already). The client calls `submit`, then the
 * handlers as the server answers; `callback` is set by `client.query` or below.
 */
class CopyFromStdin {
  callback!: (err: Error | null) => void;
  private done = false;

  constructor(
    readonly text: string,
    private readonly data: Buffer,
  ) {}

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleError(err: Error): void {
    this.finish(err);
  }

  handleReadyForQuery(): void {
    this.finish(null);
  }

  // Answers a COPY FROM never gets; present because the client calls whatever arrives.
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  private finish(err: Error | null): void {
    if (this.done) return;
    this.done = true;
    this.callback(err);
  }
}

/**
 * Appends rows given in COPY's text format (`data`: one line per row, fields separated by tabs,
 * `copy-text.ts`) to `table (columns)`, inside the transaction of `em`.
 *
 * PostgreSQL: `COPY … FROM STDIN` on the transaction's own connection. PGlite: `COPY … FROM
 * '/dev/blob'` with the data as a Blob — its wire protocol cannot take COPY data from a client
 * (the WebAssembly backend exits), and `em`'s transaction holds its one session, so the statement
 * runs inside that transaction.
 */
export async function copyIn(
  em: EntityManager,
  embedded: EmbeddedPostgres | null,
  table: string,
  columns: string,
  data: string,
): Promise<void> {
  if (!data) return;
  if (embedded) {
    await embedded.query(`COPY ${table} (${columns}) FROM '/dev/blob'`, [], { blob: data });
    return;
  }
  const client = (await em.queryRunner!.connect()) as {
    query(q: CopyFromStdin): void;
  };
  const copy = new CopyFromStdin(`COPY ${table} (${columns}) FROM STDIN`, Buffer.from(data));
  await new Promise<void>((resolve, reject) => {
    copy.callback = (err) => (err ? reject(err) : resolve());
    client.query(copy);
  });
}
