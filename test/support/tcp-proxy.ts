import { createConnection, createServer, Server, Socket } from 'node:net';

/** A TCP proxy on 127.0.0.1 that a test can cut, to make a real service unreachable. */
export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  /**
   * Stops forwarding in both directions while every connection stays open, and holds new ones
   * the same way: the service looks paused (SIGSTOP, a partition), not gone. `resume()` forwards
   * what waited.
   */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

export async function startTcpProxy(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const pairs = new Set<Pair>();
  let down = false;
  let paused = false;
  const forward = ({ client, upstream }: Pair) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const hold = ({ client, upstream }: Pair) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = createConnection(targetPort, targetHost);
    const pair = { client, upstream };
    pairs.add(pair);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    if (paused) hold(pair);
    else forward(pair);
    client.on('close', () => {
      pairs.delete(pair);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    pause() {
      paused = true;
      for (const pair of pairs) hold(pair);
    },
    resume() {
      paused = false;
      for (const pair of pairs) forward(pair);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
