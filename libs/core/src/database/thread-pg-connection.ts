import { EventEmitter } from 'node:events';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser';

type Serialize = typeof serialize;

/**
 * What node-postgres' `Client` uses of its `Connection`, over the embedded database's thread
 * instead of a socket (the shape of PGlite's own node-postgres connection, which calls PGlite in
 * the caller's thread). Messages the client writes in one turn (an extended query's parse, bind,
 * describe, execute, sync) go to the thread as one request; its answer is parsed here and emitted
 * as the events a socket connection emits.
 */
export class ThreadPgConnection extends EventEmitter {
  readonly stream = { destroy: () => this.end() };
  readonly parsedStatements: Record<string, unknown> = {};
  readonly submittedNamedStatements: Record<string, unknown> = {};
  _connecting = false;
  private outgoing: Buffer[] = [];
  private chain: Promise<void> = Promise.resolve();
  private wantsMessage = false;
  private readonly parser = new Parser();

  constructor(private readonly exchange: (data: Uint8Array) => Promise<Uint8Array>) {
    super();
    this.on('newListener', (event) => {
      if (event === 'message') this.wantsMessage = true;
    });
  }

  connect(): void {
    this._connecting = true;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  // No authentication or TLS: the database is in this process.
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}

  sendSASLInitialResponseMessage(mechanism: string, initialResponse: string): void {
    this.send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
  }
  sendSCRAMClientFinalMessage(additionalData: string): void {
    this.send(serialize.sendSCRAMClientFinalMessage(additionalData));
  }
  query(text: string): void {
    this.send(serialize.query(text));
  }
  parse(query: Parameters<Serialize['parse']>[0]): void {
    this.send(serialize.parse(query));
  }
  bind(config: Parameters<Serialize['bind']>[0]): void {
    this.send(serialize.bind(config));
  }
  execute(config: Parameters<Serialize['execute']>[0]): void {
    this.send(serialize.execute(config));
  }
  describe(msg: Parameters<Serialize['describe']>[0]): void {
    this.send(serialize.describe(msg));
  }
  close(msg: Parameters<Serialize['close']>[0]): void {
    this.send(serialize.close(msg));
  }
  flush(): void {
    this.send(serialize.flush());
  }
  sync(): void {
    this.send(serialize.sync());
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.send(serialize.copyDone());
  }
  sendCopyFail(message: string): void {
    this.send(serialize.copyFail(message));
  }

  end(): void {
    this.chain = this.chain.then(() => void this.emit('end'));
    for (const event of this.eventNames()) {
      if (event !== 'newListener') this.removeAllListeners(event);
    }
    this.wantsMessage = false;
  }

  private send(message: Buffer): void {
    this.outgoing.push(message);
    if (this.outgoing.length === 1) queueMicrotask(() => this.transmit());
  }

  private transmit(): void {
    const data = this.outgoing.length === 1 ? this.outgoing[0] : Buffer.concat(this.outgoing);
    this.outgoing = [];
    const answer = this.exchange(data);
    // Handled below once the answers before it are parsed; until then, not an unhandled rejection.
    answer.catch(() => undefined);
    this.chain = this.chain
      .then(() => answer)
      .then((reply) => {
        this.parser.parse(Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength), (msg) => {
          if (this.wantsMessage) this.emit('message', msg);
          this.emit(msg.name === 'error' ? 'errorMessage' : msg.name, msg);
        });
      })
      .catch((e: unknown) => void this.emit('error', e));
  }
}
