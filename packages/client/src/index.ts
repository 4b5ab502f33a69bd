import createClient, { type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
/** A schema of the contract by name, e.g. `Schema<'ArticleDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export interface NexusClientOptions extends ClientOptions {
  /** The access token to send, read before every request (so a refreshed one is picked up). */
  token?: () => string | undefined;
}

/**
 * A typed client of the Nexus REST API: paths, parameters, bodies and answers are checked
 * against openapi.json at compile time. Every method answers `{ data, error, response }`; `error`
 * is the problem document (RFC 9457) of a 4xx/5xx.
 */
export function createNexusClient(baseUrl: string, options: NexusClientOptions = {}) {
  const { token, ...rest } = options;
  const client = createClient<paths>({ baseUrl, ...rest });
  if (token) {
    const auth: Middleware = {
      onRequest({ request }) {
        const value = token();
        if (value) request.headers.set('authorization', `Bearer ${value}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}

export type NexusClient = ReturnType<typeof createNexusClient>;
