import { INestApplication, RequestMethod } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { AppLogger } from '../logging/app-logger';
import { createValidationPipe } from '../errors/validation';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { sendClientError, sendFrameworkError } from '../errors/fastify-errors';
import { depthLimitedJsonParser } from '../validation/json-body';
import { MetricsService } from '../metrics/metrics.service';
import { DrainState } from '../health/drain';
import { ClientIpResolver } from './client-ip.resolver';
import { HttpPipeline } from './http-pipeline';
import { createOpenApiDocument, OpenApiOptions, serveOpenApi } from './openapi';
import { isDocumentUrl, securityHeaders } from './security-headers';
import { isPromise, MaybePromise } from '../util/maybe-promise';
import './client-ip';

export const API_PREFIX = 'api/v1';
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Fastify adapter options shared by main.ts, tests and benchmarks. */
export function fastifyOptions(config: AppConfig) {
  const headers = securityHeaders(config);
  return {
    bodyLimit: config.bodyLimitBytes,
    // The app resolves client IPs itself (ClientIpResolver); Fastify must not trust XFF.
    trustProxy: false,
    requestIdHeader: false as const,
    genReqId: (req: IncomingMessage | Http2ServerRequest) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      (req as { id?: string }).id = id;
      return id;
    },
    return503OnClosing: true,
    // Nest's adapter otherwise registers @fastify/middie, which runs on every request for Nest
    // middleware this app does not use: the request pipeline is Fastify hooks (below) and
    // HttpPipeline steps.
    skipMiddie: true,
    forceCloseConnections: 'idle' as const,
    // Errors Fastify and Node answer before any hook runs are problem+json too.
    frameworkErrors: ((error, request, reply) => {
      reply.headers(isDocumentUrl(request.url) ? headers.document : headers.api);
      sendFrameworkError(error, request, reply);
    }) satisfies typeof sendFrameworkError,
    clientErrorHandler: sendClientError,
  };
}

/**
 * Everything that makes a Nest app a Nexus HTTP app: prefix, pipes, problem+json errors from
 * every layer (Nest, Fastify parsing, unknown routes), client IP, request id, metrics, Swagger.
 */
export async function configureHttp(
  app: NestFastifyApplication,
  config: AppConfig,
  options: { openApi?: OpenApiOptions } = {},
): Promise<void> {
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance();
  const resolver = app.get(ClientIpResolver);
  const metrics = app.get(MetricsService);
  const pipeline = app.get(HttpPipeline);
  const drain = app.get(DrainState);
  // The only body type the API takes; Nest then registers no parser of its own (no urlencoded).
  app.useBodyParser(
    'application/json',
    { bodyLimit: config.bodyLimitBytes },
    depthLimitedJsonParser(fastify),
  );

  // Routes mounted before Nest sets its exception handler keep Fastify's default one, and
  // GraphQL's registration during init mounts the routes queued so far: a malformed JSON body
  // would then answer Fastify's own format. One problem+json handler, set first, serves every
  // route; Nest's (the same problems through the global filter) would only override it.
  fastify.setErrorHandler(sendFrameworkError);
  const adapter = app.getHttpAdapter() as unknown as { setErrorHandler: (h: unknown) => void };
  adapter.setErrorHandler = () => undefined;

  // Resolved on first use and kept: requests answered without anyone asking (most cache hits)
  // do not pay for it.
  const resolved = Symbol('clientIp');
  fastify.decorateRequest(resolved, null);
  fastify.decorateRequest('clientIp', {
    getter(this: FastifyRequest) {
      const self = this as FastifyRequest & { [resolved]: string | null };
      return (self[resolved] ??= resolver.resolve(
        this.socket.remoteAddress,
        this.headers['x-forwarded-for'],
      ));
    },
  });
  // One hook instead of Nest middleware (which adds @fastify/middie to every request): the edge
  // steps feature modules registered (HttpPipeline), which may answer before Nest is involved,
  // then the RequestContext, the async context of the rest of the request.
  const headers = securityHeaders(config);
  fastify.addHook('onRequest', (request, reply, done) => {
    // Before the edge steps, so that answers given there (cached reads) carry them too.
    reply
      .headers(isDocumentUrl(request.url) ? headers.document : headers.api)
      .header('x-request-id', request.id);
    // Draining: each kept-alive client reconnects after this answer, through the load balancer
    // to an instance that stays.
    if (drain.draining) reply.header('connection', 'close');
    // Edge steps run before the RequestContext is entered: an answer given at the edge then does
    // not pay for async-context propagation into every resource its reply creates. What goes on
    // to Nest runs inside the context.
    const proceed = (err?: Error) => RequestContext.run({ requestId: request.id }, () => done(err));
    let answered: MaybePromise<boolean>;
    try {
      answered = pipeline.run(request, reply);
    } catch (err) {
      return proceed(err as Error);
    }
    if (!isPromise(answered)) return answered ? undefined : proceed();
    answered.then((yes) => {
      if (!yes) proceed();
    }, proceed);
  });
  const logRequests = config.logRequests;
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    pipeline.completed(request, reply);
    if (logRequests) {
      logger.pino.info(
        {
          method: request.method,
          route,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
          ip: request.clientIp,
          reqId: request.id,
        },
        'request',
      );
    }
    done();
  });

  setApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // No Nest shutdown hooks on signals: the api's main installs drainOnSignals (readiness first).

  if (config.docsEnabled) serveOpenApi(app, createOpenApiDocument(app, options.openApi));
}

/** `/api/v1` in front of every route but the operator ones (also for building the document). */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}
