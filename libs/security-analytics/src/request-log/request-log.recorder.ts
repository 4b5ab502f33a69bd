import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, HttpPipeline } from '@nexus/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { redactUrl } from './redact';
import { requestOutcome } from './request-log.types';
import { RequestLogWriter } from './request-log.writer';

const MAX_USER_AGENT = 512;

/**
 * Feeds the request log from core's `onResponse` hook (`HttpPipeline.observe`): every request,
 * those answered at the edge (cache, blacklist, limits) and unmatched ones included. Runs after
 * the response is sent, so what it costs is CPU, not latency.
 */
@Injectable()
export class RequestLogRecorder implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pipeline: HttpPipeline,
    private readonly writer: RequestLogWriter,
  ) {}

  onModuleInit(): void {
    if (!this.config.requestLog.enabled) return;
    this.pipeline.observe((request, reply) => this.writer.record(entryOf(request, reply)));
  }
}

export function entryOf(request: FastifyRequest, reply: FastifyReply) {
  const latencyMs = reply.elapsedTime;
  const ip = request.clientIp;
  const ua = request.headers['user-agent'];
  const status = reply.statusCode;
  return {
    at: Date.now() - latencyMs,
    ip: ip && isIP(ip) ? ip : '0.0.0.0',
    method: request.method,
    route: request.routeOptions.url ?? null,
    path: redactUrl(request.url),
    status,
    latencyMs,
    userId: request.user?.id ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, MAX_USER_AGENT) : null,
    requestId: request.id ?? null,
    outcome: requestOutcome(request, status),
  };
}
