import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  INestApplicationContext,
  Module,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  Kind,
  lexicographicSortSchema,
  printSchema,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { createGraphqlContext, GraphqlContext } from './graphql-context';
import { createGraphqlErrorFormatter, GraphqlErrorCode, graphqlRefusal } from './graphql-errors';
import {
  GraphqlLimits,
  limitRules,
  operationCost,
  pageSizesUseVariables,
  unsafeTextIn,
} from './graphql-limits';
import { findUnsafeText } from '../validation/validators';
import { GraphqlOperation, GraphqlOperations } from './graphql-operations';
import { registerGraphiql } from './graphiql';

export const GRAPHQL_PATH = '/graphql';

export function graphqlLimitsOf(config: AppConfig): GraphqlLimits {
  return {
    maxDepth: config.graphqlMaxDepth,
    maxCost: config.graphqlMaxCost,
    maxAliases: config.graphqlMaxAliases,
    maxBatch: config.graphqlMaxBatch,
    maxQueryBytes: config.graphqlMaxQueryBytes,
    introspection: config.graphqlIntrospection,
  };
}

@Global()
@Module({ providers: [GraphqlOperations], exports: [GraphqlOperations] })
class GraphqlOperationsModule {}

/** Serves GraphiQL when `GRAPHIQL_ENABLED` (docs/api.md#graphql). */
@Injectable()
class GraphiqlRoutes implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.graphiqlEnabled) return;
    registerGraphiql(this.host.httpAdapter.getInstance<FastifyInstance>(), GRAPHQL_PATH);
  }
}

/**
 * GraphQL at `/graphql`: code-first schema from the resolvers of the feature modules, on
 * mercurius (Fastify's own GraphQL server). Resolvers go through the same global guards, pipes and
 * services as REST; this module adds what only GraphQL needs — per-request DataLoaders, limits on
 * hostile documents, error codes, the per-operation hook and the IDE. See docs/api.md#graphql.
 */
@Module({})
export class NexusGraphqlModule {
  static forRoot(config: AppConfig): DynamicModule {
    const limits = graphqlLimitsOf(config);
    return {
      module: NexusGraphqlModule,
      imports: [
        GraphqlOperationsModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [GraphqlOperationsModule],
          inject: [GraphqlOperations],
          useFactory: (operations: GraphqlOperations) => graphqlOptions(limits, operations),
        }),
      ],
      providers: [GraphiqlRoutes],
    };
  }
}

export function graphqlOptions(
  limits: GraphqlLimits,
  operations: GraphqlOperations,
): MercuriusDriverConfig {
  // mercurius reuses the parsed document of a query text it has seen (its LRU), so what depends
  // on the document alone is worked out once per document, not per request.
  const facts = new WeakMap<DocumentNode, DocumentFacts>();
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: false,
    allowBatchedQueries: true,
    // graphql-jit compiles a document on its second use (mercurius caches it with the parse).
    jit: 1,
    context: (request: FastifyRequest, reply: FastifyReply) => createGraphqlContext(request, reply),
    errorFormatter: createGraphqlErrorFormatter() as MercuriusDriverConfig['errorFormatter'],
    validationRules: limitRules(limits),
    // The parser stops early on documents far beyond what the size limit lets through.
    graphql: { parseOptions: { maxTokens: Math.max(1000, limits.maxQueryBytes / 2) } },
    additionalRouteOptions: { preHandler: refuseOversized(limits) },
    hooks: {
      preExecution: async (schema, document, context, variables) =>
        beforeExecution(
          schema,
          document,
          context as unknown as GraphqlContext,
          variables,
          limits,
          operations,
          facts,
        ),
    },
  } as MercuriusDriverConfig;
}

/**
 * Before anything is parsed: batches over `maxBatch` operations and documents over
 * `maxQueryBytes` are refused whole, with a GraphQL-shaped 400/413.
 */
function refuseOversized(limits: GraphqlLimits) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body;
    const operations = Array.isArray(body) ? body : [body ?? request.query];
    let refusal: { status: number; message: string; limit: string; max: number } | undefined;
    if (Array.isArray(body) && body.length > limits.maxBatch) {
      refusal = {
        status: 400,
        message: `A batch may hold at most ${limits.maxBatch} operations; this one has ${body.length}.`,
        limit: 'batch',
        max: limits.maxBatch,
      };
    } else {
      for (const op of operations) {
        const query = (op as { query?: unknown } | undefined)?.query;
        if (typeof query === 'string' && Buffer.byteLength(query) > limits.maxQueryBytes) {
          refusal = {
            status: 413,
            message: `The query document is larger than ${limits.maxQueryBytes} bytes.`,
            limit: 'size',
            max: limits.maxQueryBytes,
          };
          break;
        }
      }
    }
    if (!refusal) return;
    const error = graphqlRefusal(refusal.message, GraphqlErrorCode.badUserInput, {
      limit: refusal.limit,
      max: refusal.max,
    });
    await reply
      .code(refusal.status)
      .type('application/json; charset=utf-8')
      .send({ data: null, errors: [error.toJSON()] });
    return reply;
  };
}

/** What the pre-execution pass needs that depends on the document only. */
interface DocumentFacts {
  /** Paths of unsafe strings written in the document itself. */
  unsafe: string[];
  /** The cost, when no page size comes from a variable. */
  cost: number | undefined;
  operations: { type: GraphqlOperation['type']; rootFields: string[] }[];
}

function factsOf(schema: GraphQLSchema, document: DocumentNode, maxCost: number): DocumentFacts {
  return {
    unsafe: unsafeTextIn(document, undefined),
    cost: pageSizesUseVariables(document)
      ? undefined
      : operationCost(schema, document, undefined, undefined, maxCost),
    operations: document.definitions.flatMap((def) =>
      def.kind === Kind.OPERATION_DEFINITION
        ? [
            {
              type: def.operation,
              rootFields: def.selectionSet.selections.flatMap((s) =>
                s.kind === Kind.FIELD ? [s.name.value] : [],
              ),
            },
          ]
        : [],
    ),
  };
}

async function beforeExecution(
  schema: GraphQLSchema,
  document: DocumentNode,
  context: GraphqlContext,
  variables: Record<string, unknown> | undefined,
  limits: GraphqlLimits,
  operations: GraphqlOperations,
  cache: WeakMap<DocumentNode, DocumentFacts>,
): Promise<void> {
  let facts = cache.get(document);
  if (!facts) {
    facts = factsOf(schema, document, limits.maxCost);
    cache.set(document, facts);
  }
  // Core's input hygiene, as REST applies it to every body: no control characters or lone
  // surrogates reach a validator or PostgreSQL, whether written in the document or a variable.
  const unsafe = variables
    ? [...facts.unsafe, ...findUnsafeText(variables, 'variables')]
    : facts.unsafe;
  if (unsafe.length) {
    throw graphqlRefusal(
      'Strings must not contain control characters or unpaired surrogates.',
      GraphqlErrorCode.badUserInput,
      {
        errors: unsafe.map((field) => ({
          field,
          messages: ['control character or lone surrogate'],
        })),
      },
    );
  }
  const cost = facts.cost ?? operationCost(schema, document, undefined, variables, limits.maxCost);
  if (cost > limits.maxCost) {
    throw graphqlRefusal(
      `Query cost exceeds the limit of ${limits.maxCost} (fields, times the page sizes asked for).`,
      GraphqlErrorCode.badUserInput,
      { limit: 'cost', max: limits.maxCost },
    );
  }
  for (const op of facts.operations) {
    await operations.run({ ...op, context });
  }
}

/** The schema as committed in `schema.graphql` (sorted SDL, a header saying how it is made). */
export function printGraphqlSchema(app: INestApplicationContext): string {
  const schema = app.get(GraphQLSchemaHost).schema;
  return (
    '# Generated from the resolvers by `npm run graphql:schema`; a test fails when they differ.\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}
