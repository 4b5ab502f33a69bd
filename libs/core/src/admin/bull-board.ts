import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { defaultSlug, defaultTitle, PROBLEM_CONTENT_TYPE, problemType } from '../errors/problem';
import { BullJobQueue, QueueRegistry } from '../queue/queue.registry';

export const BULL_BOARD_PATH = '/admin/queues';

/** What the caller of an admin page is: an admin, someone else, or nobody (no or bad credential). */
export type AdminCheck = 'admin' | 'forbidden' | 'unauthenticated';

/**
 * Mounts Bull Board (full mode only: it reads BullMQ's Redis) at `/admin/queues`, its UI assets
 * served by this app. It is a Fastify plugin outside Nest's guards, so every request of it passes
 * `check` (the api composes users' Authenticator into it): the same Bearer access token rules as
 * the API, admins only — 401 without a valid credential, 403 for anyone else.
 */
export async function mountBullBoard(
  app: NestFastifyApplication,
  config: AppConfig,
  check: (authorization: string | undefined) => Promise<AdminCheck>,
): Promise<boolean> {
  if (!config.redisUrl) return false;
  const registry = app.get(QueueRegistry);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: registry
      .names()
      .map((name) => registry.raw(name))
      .filter((q): q is BullJobQueue => q instanceof BullJobQueue)
      .map((q) => new BullMQAdapter(q.queue)),
    serverAdapter,
  });
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const outcome = await check(request.headers.authorization);
      if (outcome === 'admin') return;
      const status = outcome === 'unauthenticated' ? 401 : 403;
      if (status === 401) reply.header('www-authenticate', 'Bearer');
      await reply
        .status(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send({
          type: problemType(defaultSlug(status)),
          title: defaultTitle(status),
          status,
          detail:
            status === 401
              ? 'Send an admin access token as a Bearer credential.'
              : 'Bull Board is for admins.',
          instance: request.url,
          requestId: request.id,
        });
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
  return true;
}
