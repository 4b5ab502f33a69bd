import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DASHBOARD_CSS, DASHBOARD_HTML, DASHBOARD_JS } from './dashboard.assets';

/**
 * The admin dashboard at `/admin/security`: one static page and its assets, chart.js served from
 * node_modules (no CDN). The page holds no data; it signs in with the REST API and reads the
 * admin analytics routes, so the page itself needs no authentication.
 */
@Injectable()
export class DashboardRoutes implements OnModuleInit {
  private chartJs?: Buffer;

  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    // No HTTP adapter (the worker, a CLI context): nothing to serve.
    if (!fastify || typeof fastify.get !== 'function') return;
    const assets: Record<string, [string, () => string | Buffer]> = {
      'dashboard.js': ['text/javascript; charset=utf-8', () => DASHBOARD_JS],
      'dashboard.css': ['text/css; charset=utf-8', () => DASHBOARD_CSS],
      'chart.umd.min.js': ['text/javascript; charset=utf-8', () => this.chart()],
    };
    fastify.get('/admin/security', (_req, reply) => {
      void reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(DASHBOARD_HTML);
    });
    fastify.get<{ Params: { file: string } }>('/admin/security/assets/:file', (req, reply) => {
      const asset = assets[req.params.file];
      if (!asset) {
        void reply
          .status(404)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Not Found', status: 404 });
        return;
      }
      void reply.header('cache-control', 'public, max-age=3600').type(asset[0]).send(asset[1]());
    });
  }

  private chart(): Buffer {
    // chart.js's main entry is dist/chart.cjs; the browser build sits beside it.
    return (this.chartJs ??= readFileSync(
      join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
    ));
  }
}
