import { request, IncomingMessage, ClientRequest } from 'node:http';
import { waitUntil } from '../support/sync';

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

export interface SseStream {
  status: number;
  headers: IncomingMessage['headers'];
  events: SseEvent[];
  /** The body of a refused stream (problem+json). */
  body(): string;
  waitFor(match: (e: SseEvent) => boolean, what?: string): Promise<SseEvent>;
  closed(): Promise<void>;
  close(): void;
}

/** A minimal EventSource over a real socket: parses events as they arrive. */
export function openStream(baseUrl: string, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    let buffer = '';
    let raw = '';
    let ended = false;
    const endWaiters: (() => void)[] = [];
    const req: ClientRequest = request(
      `${baseUrl}/api/v1/notifications/stream`,
      { headers: { accept: 'text/event-stream', ...headers } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const e: SseEvent = {};
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) e.comment = line.slice(1).trim();
              const [, key, value] = /^(\w+): ?(.*)$/.exec(line) ?? [];
              if (key === 'id' || key === 'event' || key === 'data') e[key] = value;
            }
            events.push(e);
          }
        });
        res.on('close', () => {
          ended = true;
          for (const w of endWaiters) w();
        });
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          events,
          body: () => raw,
          waitFor: (match, what = 'event') =>
            waitUntil(() => events.find(match), { what: `SSE ${what}` }),
          closed: () => (ended ? Promise.resolve() : new Promise((r) => endWaiters.push(r))),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (e) => {
      if (!ended) reject(e);
    });
    req.end();
  });
}

export const notificationEvents = (s: SseStream) =>
  s.events.filter((e) => e.event === 'notification');
export const lastCount = (s: SseStream) => {
  const counts = s.events.filter((e) => e.event === 'unread-count');
  return counts.length
    ? (JSON.parse(counts[counts.length - 1].data!) as { count: number }).count
    : undefined;
};
