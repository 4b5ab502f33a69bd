import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemException } from '../errors/problem.exception';
import { MAX_JSON_DEPTH } from './validators';

/**
 * True when the JSON text opens more than `max` objects/arrays at once. A byte scan before
 * parsing: a body nested thousands deep is refused after `max` bytes, instead of paying for a full
 * parse of a megabyte of brackets and then a RangeError in the recursive validation step.
 * UTF-8 continuation bytes are never ASCII, so scanning bytes is exact.
 */
export function jsonDepthExceeds(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

type Done = (err: Error | null, body?: unknown) => void;

/** Fastify's own JSON parser (same poisoning rules), behind the nesting-depth cap. */
export function depthLimitedJsonParser(fastify: FastifyInstance, max = MAX_JSON_DEPTH) {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parse = fastify.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'ignore',
  );
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    if (jsonDepthExceeds(body, max)) {
      return done(
        new ProblemException({
          status: 400,
          type: 'malformed-body',
          title: 'Bad Request',
          detail: `The JSON body is nested deeper than ${max} levels.`,
        }),
      );
    }
    // Fastify's parser takes the raw text; it is typed for strings but reads Buffers as well.
    void parse.call(fastify, request, body as unknown as string, done);
  };
}
