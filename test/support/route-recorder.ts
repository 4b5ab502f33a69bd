import { Injectable, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Every route Fastify registers in the apps of this test file that import RouteRecorderModule
 * (Jest gives each file its own module registry); a suite empties it before starting its app.
 */
export const registeredRoutes: { method: string; url: string }[] = [];

/** Adds an onRoute hook as the app is built, before any route exists. */
@Injectable()
class RouteRecorder {
  constructor(host: HttpAdapterHost) {
    const fastify = host.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) registeredRoutes.push({ method, url: route.url });
    });
  }
}

@Module({ providers: [RouteRecorder] })
export class RouteRecorderModule {}
