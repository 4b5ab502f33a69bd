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
import { GraphqlLimits, limitRules, operationCost, unsafeTextIn } from './graphql-limits';
import { GraphqlOperations } from './graphql-operations';
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
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: false,
    allowBatchedQueries: true,
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

async function beforeExecution(
  schema: GraphQLSchema,
  document: DocumentNode,
  context: GraphqlContext,
  variables: Record<string, unknown> | undefined,
  limits: GraphqlLimits,
  operations: GraphqlOperations,
): Promise<void> {
  // Core's input hygiene, as REST applies it to every body: no control characters or lone
  // surrogates reach a validator or PostgreSQL, whether written in the document or a variable.
  const unsafe = unsafeTextIn(document, variables);
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
  const cost = operationCost(schema, document, undefined, variables, limits.maxCost);
  if (cost > limits.maxCost) {
    throw graphqlRefusal(
      `Query cost exceeds the limit of ${limits.maxCost} (fields, times the page sizes asked for).`,
      GraphqlErrorCode.badUserInput,
      { limit: 'cost', max: limits.maxCost },
    );
  }
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    await operations.run({
      type: def.operation,
      rootFields: def.selectionSet.selections.flatMap((s) =>
        s.kind === Kind.FIELD ? [s.name.value] : [],
      ),
      context,
    });
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
