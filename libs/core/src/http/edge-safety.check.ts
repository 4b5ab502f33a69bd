import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import {
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
} from '@nestjs/common/constants';
import {
  APP_GUARD,
  APP_INTERCEPTOR,
  MetadataScanner,
  ModulesContainer,
  Reflector,
} from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { EdgeRoute, HttpPipeline } from './http-pipeline';
import { edgeSafeReason, routeAccess } from './route-access';

/** A controller route with what decides whether an edge step may answer it. */
export interface DiscoveredRoute extends EdgeRoute {
  /** `Controller.method`, for messages. */
  handlerName: string;
  access: ReturnType<typeof routeAccess>;
  /** Guards and interceptors declared on the controller or the handler. */
  enhancers: unknown[];
}

/**
 * Refuses to start the app when an edge step could skip a check (see docs/core.md, "Edge steps
 * and authentication"):
 *
 * - every global guard and interceptor (`APP_GUARD` / `APP_INTERCEPTOR` providers) must be
 *   declared `@EdgeSafe('why')`, since what an edge step answers never reaches it;
 * - a route an edge step may answer (its declaration's `answers(route)`) must be `@Public()` or
 *   `@OptionalAuth()` (edge steps never answer requests with credentials, so what they answer is
 *   the anonymous answer), and every guard or interceptor on its controller or handler must be
 *   `@EdgeSafe` too.
 */
@Injectable()
export class EdgeSafetyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly modules: ModulesContainer,
    private readonly pipeline: HttpPipeline,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const problems = this.problems();
    if (problems.length) {
      throw new Error(`Unsafe edge configuration:\n- ${problems.join('\n- ')}`);
    }
  }

  /** Every violation, one sentence each (empty when the app is safe). */
  problems(): string[] {
    const problems: string[] = [];
    for (const enhancer of this.globalEnhancers()) {
      if (!edgeSafeReason(enhancer)) {
        problems.push(
          `global ${nameOf(enhancer)} is not declared @EdgeSafe: requests answered by an edge step ` +
            `skip it (declare why it may be skipped, or make it a route-level enhancer)`,
        );
      }
    }
    for (const route of this.routes()) {
      const label = `${route.method} /${route.path} (${route.handlerName})`;
      for (const step of this.pipeline.answering(route)) {
        if (route.access === 'authenticated') {
          problems.push(
            `edge step "${step}" may answer ${label}, which requires authentication: ` +
              `mark it @Public() or @OptionalAuth(), or keep the step off it`,
          );
        }
        for (const enhancer of route.enhancers.filter((e) => !edgeSafeReason(e))) {
          problems.push(
            `edge step "${step}" may answer ${label}, whose ${nameOf(enhancer)} is not ` +
              `declared @EdgeSafe`,
          );
        }
      }
    }
    return problems;
  }

  /** Every route of every controller, from Nest's route metadata. */
  routes(): DiscoveredRoute[] {
    const scanner = new MetadataScanner();
    const routes: DiscoveredRoute[] = [];
    for (const module of this.modules.values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as Type<unknown> | null;
        if (!controller?.prototype) continue;
        const prototype = controller.prototype as Record<string, unknown>;
        const base = firstPath(Reflect.getMetadata(PATH_METADATA, controller));
        for (const name of scanner.getAllMethodNames(prototype)) {
          const handler = prototype[name] as object;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
          if (path === undefined) continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
          routes.push({
            method: RequestMethod[method],
            path: [base, firstPath(path)].filter(Boolean).join('/'),
            config:
              (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as
                Record<string, unknown> | undefined) ?? {},
            handlerName: `${controller.name}.${name}`,
            access: routeAccess(this.reflector, handler, controller),
            enhancers: [controller, handler].flatMap((target) => [
              ...((Reflect.getMetadata(GUARDS_METADATA, target) as unknown[]) ?? []),
              ...((Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[]) ?? []),
            ]),
          });
        }
      }
    }
    return routes;
  }

  /** Instances (or classes, if request-scoped) of the APP_GUARD and APP_INTERCEPTOR providers. */
  private globalEnhancers(): unknown[] {
    const found: unknown[] = [];
    for (const module of this.modules.values()) {
      for (const [token, wrapper] of [...module.providers, ...module.injectables]) {
        if (typeof token !== 'string') continue;
        if (!token.startsWith(`${APP_GUARD} (`) && !token.startsWith(`${APP_INTERCEPTOR} (`))
          continue;
        found.push(wrapper.instance ?? wrapper.metatype);
      }
    }
    return found;
  }
}

function firstPath(path: unknown): string {
  const first = (Array.isArray(path) ? path[0] : path) as string | undefined;
  return (first ?? '').replace(/^\/+|\/+$/g, '');
}

function nameOf(enhancer: unknown): string {
  if (typeof enhancer === 'function') return enhancer.name;
  return (enhancer as object | undefined)?.constructor?.name ?? String(enhancer);
}
