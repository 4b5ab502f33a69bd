import { Injectable } from '@nestjs/common';
import type { GraphqlContext } from './graphql-context';

/** One GraphQL operation about to run (after parsing, validation and the limits). */
export interface GraphqlOperation {
  type: 'query' | 'mutation' | 'subscription';
  /** Root fields it selects, one entry per selection (aliases of one field repeat it). */
  rootFields: string[];
  context: GraphqlContext;
}

export type GraphqlOperationListener = (operation: GraphqlOperation) => void | Promise<void>;

/**
 * The hook per GraphQL operation, for limits that count operations rather than HTTP requests (a
 * rate limiter: a batch of ten operations is ten requests' worth). A listener that throws refuses
 * the operation: a `ProblemException` with status 429 becomes a `RATE_LIMITED` error, like any
 * REST problem. Register in `onModuleInit`.
 */
@Injectable()
export class GraphqlOperations {
  private listeners: GraphqlOperationListener[] = [];

  use(listener: GraphqlOperationListener): void {
    this.listeners = [...this.listeners, listener];
  }

  async run(operation: GraphqlOperation): Promise<void> {
    for (const listener of this.listeners) await listener(operation);
  }
}
