import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/app-config';
import { PROBLEM_CONTENT_TYPE, defaultSlug, defaultTitle, problemType } from '../errors/problem';
import { operatorAccess } from '../http/operator-access';
import type { MetricsService } from './metrics.service';

/**
 * The worker's own HTTP listener (WORKER_METRICS_PORT): `GET /metrics` with the same registry
 * conventions and METRICS_TOKEN rules as the api's `/metrics`, and `GET /health/live` for a
 * liveness probe. Plain node:http, because the worker has no Fastify and needs nothing more.
 */
export class MetricsServer {
  private server?: Server;

  constructor(
    private readonly metrics: MetricsService,
    private readonly config: Pick<AppConfig, 'metricsToken' | 'nodeEnv'>,
    /** Told about a collection that failed (the client gets a bare 500, no detail). */
    private readonly onError?: (error: Error) => void,
  ) {}

  /** Listens on `port` (0: any free port) and resolves to the port bound. */
  listen(port: number, host: string): Promise<number> {
    const server = createServer((req, res) => void this.handle(req, res));
    // Idle scrapers must not hold the process open at shutdown.
    server.keepAliveTimeout = 5000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return problem(res, 405, { allow: 'GET, HEAD' });
    }
    if (path === '/health/live') {
      return send(res, 200, 'application/json; charset=utf-8', '{"status":"ok"}');
    }
    if (path !== '/metrics') return problem(res, 404);
    const access = operatorAccess(this.config, req);
    // Off: indistinguishable from a route that does not exist, as on the api.
    if (access === 'disabled') return problem(res, 404);
    if (access === 'denied') {
      return problem(
        res,
        401,
        { 'www-authenticate': 'Bearer realm="metrics"' },
        'Send the metrics token as a Bearer credential.',
      );
    }
    try {
      const body = await this.metrics.registry.metrics();
      send(res, 200, this.metrics.registry.contentType, body);
    } catch (e) {
      problem(res, 500);
      this.onError?.(e as Error);
    }
  }
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

function problem(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  detail?: string,
): void {
  const body = JSON.stringify({
    type: problemType(defaultSlug(status)),
    title: defaultTitle(status),
    status,
    ...(detail ? { detail } : {}),
  });
  send(res, status, PROBLEM_CONTENT_TYPE, body, headers);
}
