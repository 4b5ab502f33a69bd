import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from './route-access';
import { ProblemDto, problemResponse } from '../errors/api-problems';
import { PAGE_SIZE } from '../validation/page-query.dto';
import { KEYSET_CURSOR_MAX_LENGTH } from './keyset-cursors';

/** A document-level tag: one per module, so Swagger UI groups operations by module. */
export interface OpenApiTag {
  name: string;
  description: string;
}

export interface OpenApiOptions {
  /** The tags operations may carry (`@ApiTags`), in the order Swagger UI shows them. */
  tags?: OpenApiTag[];
}

/**
 * What the whole API shares, said once at the top of the document (Swagger UI shows it above
 * the operations): how to authorise, the error model, pagination.
 */
export const OPENAPI_DESCRIPTION = [
  'REST API of Nexus, a community publishing platform. A guide with a curl walk-through is in `docs/api.md`.',
  '',
  '**Authorize.** Reads of public data need no token. For the rest, get an access token and send it as',
  '`Authorization: Bearer <token>`:',
  '',
  '1. `POST /api/v1/auth/register`, then confirm the address with `POST /api/v1/auth/verify-email` and the',
  '   token from the email (embedded mode writes it to `data/outbox/*.eml`) — or use the admin account set',
  '   by `ADMIN_EMAIL` / `ADMIN_PASSWORD`;',
  '2. `POST /api/v1/auth/login` with `{ "email": "...", "password": "..." }` (Try it out → Execute);',
  '3. copy `accessToken` from the answer, click **Authorize**, paste it (without `Bearer `) and close.',
  '',
  'An access token lives `expiresIn` seconds (15 minutes by default); `POST /api/v1/auth/refresh` with the',
  '`refreshToken` gives a new pair. A present but invalid token is a 401 on every route, public ones included.',
  '',
  '**Errors** are RFC 9457 `application/problem+json` documents (`ProblemDto`) with a stable `type`, the',
  '`status`, a `requestId` and, for invalid input, `errors[]` by field. Any request may also be refused by the',
  'HTTP layer before routing (414 URI too long, 431 headers too large, 404 unknown route), in the same format.',
  '',
  '**Pagination** is by keyset: `limit` (1–100, default 20) and `cursor`, the `nextCursor` of the previous page',
  '(`null` on the last one). Cursors are signed and belong to one listing and ordering.',
  '',
  '**Demo data** (embedded mode): authors `ada`, `grace`, `linus` and `margaret` with published articles, so',
  'the examples of `GET /api/v1/users/{username}` and `GET /api/v1/articles/{slug}` answer.',
].join('\n');

/** Statuses the request pipeline can give on every operation, whatever its handler does. */
const PIPELINE_PROBLEMS = {
  /**
   * A present but invalid credential is refused on every route (docs/users.md); a blocked address
   * gets 403 and a client over the global rate limit 429 before any handler
   * (docs/blacklist-and-rate-limits.md); an unavailable database is a 503 (docs/core.md).
   */
  every: [401, 403, 429, 503],
  /** The input sweep and validation refuse bad parameters (control characters, types). */
  withParameters: [400],
  /** Malformed JSON, an oversized body or another content type. */
  withBody: [400, 413, 415],
};

/** Pagination parameters shared by every keyset listing, described once in `components`. */
const PAGE_PARAMETERS = {
  PageCursor: {
    name: 'cursor',
    in: 'query',
    required: false,
    description:
      'Opaque signed cursor: the `nextCursor` of the previous page of the same listing and ordering. ' +
      'Absent: the first page. A cursor of another listing, or altered, is a 400.',
    schema: { type: 'string', maxLength: KEYSET_CURSOR_MAX_LENGTH },
  },
  PageLimit: {
    name: 'limit',
    in: 'query',
    required: false,
    description: `Page size; above ${PAGE_SIZE.max} is a 400, never a silent clamp.`,
    schema: {
      type: 'number',
      minimum: PAGE_SIZE.min,
      maximum: PAGE_SIZE.max,
      default: PAGE_SIZE.default,
    },
  },
} as const;

type Operation = {
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: ({ name?: string; in?: string; $ref?: string } & Record<string, unknown>)[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The OpenAPI document of the app's routes: what `/docs-json` serves and what `npm run openapi`
 * writes to `openapi.json`. Built from the controllers' decorators alone (no request, no
 * configuration), so the committed file and the served document are the same text.
 */
export function createOpenApiDocument(
  app: INestApplication,
  options: OpenApiOptions = {},
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Nexus API')
    .setDescription(OPENAPI_DESCRIPTION)
    .setVersion('1.0')
    // Relative: Swagger UI calls the origin that served the page (127.0.0.1, a proxy's name…),
    // never a fixed host that would make every "Try it out" cross-origin.
    .addServer('/', 'The origin serving this document')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The `accessToken` of `POST /api/v1/auth/login` (or `/auth/refresh`).',
      },
      BEARER_SCHEME,
    )
    .addSecurityRequirements(BEARER_SCHEME);
  for (const tag of options.tags ?? []) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDto],
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
  completeDocument(document);
  return document;
}

/** Serves Swagger UI at `/docs` and the document at `/docs-json`. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: {
      persistAuthorization: true,
      // "Try it out" opens ready to execute: the first click is the one that answers.
      tryItOutEnabled: true,
      displayRequestDuration: true,
    },
  });
}

/** Fills in what every operation shares, so that no controller has to repeat it. */
function completeDocument(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  let paged = false;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      // Deny by default, documented the same way: the document requires a bearer token,
      // `@Public()` operations (marked `[{}]`, which Nest's explorer would otherwise drop as
      // empty) require nothing, and `@OptionalAuth()` ones accept either.
      const security = operation.security;
      if (security?.length === 1 && Object.keys(security[0]).length === 0) operation.security = [];

      // `@Headers('user-agent')` is documented as a required input, which Swagger UI then
      // refuses to send without; every client sends it by itself (browsers may not set it).
      const parameters = (operation.parameters ?? []).filter(
        (p) => !(p.in === 'header' && p.name?.toLowerCase() === 'user-agent'),
      );
      operation.parameters = parameters;
      const names = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
      if (names.has('cursor') && names.has('limit')) {
        paged = true;
        operation.parameters = [
          ...parameters.filter(
            (p) => !(p.in === 'query' && (p.name === 'cursor' || p.name === 'limit')),
          ),
          { $ref: '#/components/parameters/PageCursor' },
          { $ref: '#/components/parameters/PageLimit' },
        ];
      }

      const statuses = [
        ...PIPELINE_PROBLEMS.every,
        ...(parameters.some((p) => p.in !== 'header') ? PIPELINE_PROBLEMS.withParameters : []),
        ...(operation.requestBody ? PIPELINE_PROBLEMS.withBody : []),
      ];
      for (const status of statuses) operation.responses[status] ??= problemResponse(status);
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  if (paged) components.parameters = { ...components.parameters, ...PAGE_PARAMETERS };
}
