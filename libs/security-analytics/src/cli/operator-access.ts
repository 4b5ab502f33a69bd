import {
  CanActivate,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, AppConfig, ProblemException } from '@nexus/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where an embedded api tells the CLI how to reach it (in DATA_DIR, mode 0600). */
export const OPERATOR_FILE = '.operator.json';
export const OPERATOR_HEADER = 'x-operator-token';

export interface OperatorFile {
  url: string;
  token: string;
  pid: number;
}

/**
 * How the CLI reaches a running embedded api (PGlite is single-process: the database belongs to
 * the api while it runs). On listening, the embedded api writes its URL and a random token to
 * `DATA_DIR/.operator.json` (0600) and removes it on close; the CLI sends the token in
 * `X-Operator-Token`. Whoever can read the data directory can already open the database, so the
 * token grants nothing more. Full mode writes no file and the CLI routes answer 404.
 */
@Injectable()
export class OperatorAccess implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OperatorAccess.name);
  private token?: string;
  private file?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapter: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    if (this.config.databaseUrl) return;
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onListen', (done) => {
      const address = fastify.server.address();
      if (address && typeof address === 'object') {
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host;
        this.token = randomBytes(32).toString('base64url');
        this.file = join(this.config.dataDir, OPERATOR_FILE);
        const content: OperatorFile = {
          url: `http://${reachable}:${address.port}`,
          token: this.token,
          pid: process.pid,
        };
        try {
          mkdirSync(this.config.dataDir, { recursive: true });
          writeFileSync(this.file, JSON.stringify(content), { mode: 0o600 });
        } catch (e) {
          this.logger.warn(`operator file not written: ${(e as Error).message}`);
        }
      }
      done();
    });
  }

  onApplicationShutdown(): void {
    if (this.file) rmSync(this.file, { force: true });
  }

  /** Whether the request carries this process's operator token. */
  granted(request: Pick<FastifyRequest, 'headers'>): boolean {
    const presented = request.headers[OPERATOR_HEADER];
    if (!this.token || typeof presented !== 'string') return false;
    const digest = (s: string) => createHash('sha256').update(s).digest();
    return timingSafeEqual(digest(presented), digest(this.token));
  }
}

/** Lets through only requests with the operator token (the CLI); 404 otherwise. */
@Injectable()
export class OperatorTokenGuard implements CanActivate {
  constructor(private readonly access: OperatorAccess) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (this.access.granted(ctx.switchToHttp().getRequest<FastifyRequest>())) return true;
    throw new ProblemException({ status: 404, type: 'not-found', title: 'Not Found' });
  }
}
