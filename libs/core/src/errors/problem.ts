import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** One field-level validation failure inside a problem document. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** RFC 9457 problem details, as Nexus sends them. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_BASE = 'https://nexus.dev/problems/';

/** Stable problem `type` URI for a short slug, e.g. `problemType('validation')`. */
export const problemType = (slug: string): string => `${TYPE_BASE}${slug}`;

const SLUG_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  408: 'request-timeout',
  410: 'gone',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable-entity',
  429: 'too-many-requests',
  431: 'request-header-fields-too-large',
  500: 'internal-error',
  502: 'bad-gateway',
  503: 'service-unavailable',
};

export function defaultSlug(status: number): string {
  return SLUG_BY_STATUS[status] ?? (status >= 500 ? 'internal-error' : 'bad-request');
}

export function defaultTitle(status: number): string {
  const name = HttpStatus[status];
  if (!name)
    return STATUS_CODES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}
