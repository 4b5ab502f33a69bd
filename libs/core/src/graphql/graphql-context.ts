import DataLoader from 'dataloader';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The context of one GraphQL request. `req` is what the global guards read (users'
 * `requestOf`); the loaders and serial queues belong to the HTTP request, so they are shared by
 * every operation of a batch (mercurius gives each operation a context inheriting this one).
 */
export interface GraphqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  loaders: RequestLoaders;
  /** Index of the operation inside a batch (set by mercurius for batched requests). */
  operationId?: number;
  operationsCount?: number;
}

/** A loader kind: a name (for debugging) and how to build it for one request. */
export interface LoaderKey<K, V> {
  readonly name: string;
  create(context: GraphqlContext): DataLoader<K, V>;
}

/** Declares a per-request DataLoader kind (see RequestLoaders.get). */
export function loaderKey<K, V, C = K>(
  name: string,
  create: (context: GraphqlContext) => DataLoader<K, V, C>,
): LoaderKey<K, V> {
  return { name, create: create as LoaderKey<K, V>['create'] };
}

/**
 * The DataLoaders of one request, created on first use. Per request and never shared: a loader
 * caches what it loaded for the caller who asked, so nothing leaks from one caller to another.
 */
export class RequestLoaders {
  private readonly loaders = new Map<LoaderKey<unknown, unknown>, DataLoader<unknown, unknown>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly context: () => GraphqlContext) {}

  get<K, V>(key: LoaderKey<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key as LoaderKey<unknown, unknown>);
    if (!loader) {
      loader = key.create(this.context()) as DataLoader<unknown, unknown>;
      this.loaders.set(key as LoaderKey<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * Runs `work` after every earlier piece of work queued under `name` in this request has
   * settled. Aliases of one mutation run in order anyway; the operations of a batch run in
   * parallel, and login must count each failure before the next attempt is judged.
   */
  serial<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      name,
      next.catch(() => undefined),
    );
    return next;
  }
}

/** The context mercurius builds for each request (the driver passes it to every resolver). */
export function createGraphqlContext(req: FastifyRequest, reply: FastifyReply): GraphqlContext {
  const context = { req, reply } as GraphqlContext;
  context.loaders = new RequestLoaders(() => context);
  return context;
}

type FieldDecorator = (target: object, property: string) => void;

/**
 * Adds GraphQL field declarations to the properties a class inherits from a REST DTO, so the
 * GraphQL input type is the DTO itself (same class-validator rules and transforms), without
 * redeclaring each property: `exposeFields(RegisterInput, { email: Field(() => String) })`.
 */
export function exposeFields(
  target: abstract new (...args: never[]) => unknown,
  fields: Record<string, FieldDecorator>,
): void {
  for (const [property, decorate] of Object.entries(fields))
    decorate(target.prototype as object, property);
}
