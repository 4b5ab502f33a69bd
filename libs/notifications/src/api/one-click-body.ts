import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const UNSUBSCRIBE_ROUTE = '/api/v1/notifications/unsubscribe';

/**
 * RFC 8058 mail clients POST the one-click unsubscribe as `application/x-www-form-urlencoded`,
 * which the app otherwise refuses (JSON only). This parser accepts that type for the unsubscribe
 * route alone (a tiny body); every other route still answers 415 to it.
 */
@Injectable()
export class OneClickBodyParser {
  constructor(host: HttpAdapterHost) {
    const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (request: FastifyRequest, body: string | Buffer, done) => {
        if (request.routeOptions.url !== UNSUBSCRIBE_ROUTE) {
          const error = new Error(
            `Unsupported Media Type: application/x-www-form-urlencoded`,
          ) as Error & { statusCode: number; code: string };
          error.statusCode = 415;
          error.code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
          return done(error, undefined);
        }
        done(null, Object.fromEntries(new URLSearchParams(body.toString())));
      },
    );
  }
}
