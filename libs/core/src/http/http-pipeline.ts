import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isPromise, MaybePromise } from '../util/maybe-promise';

/**
 * A step of the request pipeline that runs in Fastify's `onRequest` hook, after the route is
 * matched and the client IP resolved, before anything of Nest (guards, pipes, interceptors).
 * It either lets the request through (`false`) or answers it itself with `reply.send(...)` and
 * returns `true`. Steps run before the request's `RequestContext` is entered (an answer at the
 * edge should not pay for async-context propagation): a step that logs passes `request.id`
 * itself. A step handles its own expected failures (e.g. a cache that cannot be reached
 * lets the request through); what it throws becomes a 500 problem+json like any server fault.
 */
export type EdgeStep = (request: FastifyRequest, reply: FastifyReply) => MaybePromise<boolean>;

/**
 * Order of the edge steps: cheap refusals first, then answers that need no
 * handler. Gaps leave room for steps a module adds later.
 */
export const EdgeStage = {
  /** IP / CIDR blacklist. */
  blacklist: 20,
  /** Rate limiting. */
  rateLimit: 30,
  /** Answers from the view-level cache, for requests whose answer does not depend on a caller. */
  cache: 50,
} as const;

/** A route as the start-up check sees it (from Nest's route metadata). */
export interface EdgeRoute {
  /** `GET`, `POST`, ... */
  method: string;
  /** Controller path + handler path, without the global prefix (for messages). */
  path: string;
  /** The Fastify route config (`@RouteConfig`, e.g. content's `@ViewCache`). */
  config: Record<string, unknown>;
}

/**
 * What an edge step declares when it is registered. `answers(route)`: whether the step may answer
 * requests of that route in place of its handler (a refusal such as a 403 or 429, which no handler
 * would turn into a success, is not an answer in this sense). A step that answers must never
 * answer a request that carries an `Authorization` header. The start-up check (EdgeSafetyCheck)
 * refuses to start when a route a step may answer needs authentication or has a guard or
 * interceptor not declared `@EdgeSafe`.
 */
export interface EdgeStepDeclaration {
  answers: (route: EdgeRoute) => boolean;
}

/**
 * Called once per finished request, from core's `onResponse` hook (edge answers, errors and
 * unmatched routes included), after the response is sent. Synchronous and cheap: it must not
 * delay the next request (e.g. push a record into a buffer).
 */
export type ResponseObserver = (request: FastifyRequest, reply: FastifyReply) => void;

interface Registered {
  stage: number;
  name: string;
  step: EdgeStep;
  declaration: EdgeStepDeclaration;
}

/**
 * The ordered list of edge steps. Feature modules register theirs at start-up (`use`); core's
 * `onRequest` hook runs them (`run`). Why a step here rather than a Nest guard or interceptor:
 * what is answered at the edge skips Nest's whole per-request machinery, which costs more than a
 * cached read itself (docs/benchmarks.md).
 */
@Injectable()
export class HttpPipeline {
  private steps: Registered[] = [];

  use(stage: number, name: string, step: EdgeStep, declaration: EdgeStepDeclaration): void {
    if (this.steps.some((s) => s.name === name))
      throw new Error(`Edge step "${name}" is already registered`);
    this.steps = [...this.steps, { stage, name, step, declaration }].sort(
      (a, b) => a.stage - b.stage,
    );
  }

  private observers: ResponseObserver[] = [];

  /** Registers a `ResponseObserver` (e.g. security-analytics' request log). */
  observe(observer: ResponseObserver): void {
    this.observers = [...this.observers, observer];
  }

  /** Runs the observers; one that throws does not stop the others nor the response. */
  completed(request: FastifyRequest, reply: FastifyReply): void {
    for (const observer of this.observers) {
      try {
        observer(request, reply);
      } catch {
        // An observer's fault must not turn into a hook error after the response was sent.
      }
    }
  }

  /** Names in running order (for docs and tests). */
  names(): string[] {
    return this.steps.map((s) => s.name);
  }

  /** The names of the steps that may answer requests of `route` (for the start-up check). */
  answering(route: EdgeRoute): string[] {
    return this.steps.filter((s) => s.declaration.answers(route)).map((s) => s.name);
  }

  /**
   * Runs the steps in order; true as soon as one has answered the request. Synchronous as long as
   * the steps are (an in-process cache hit costs no promise).
   */
  run(request: FastifyRequest, reply: FastifyReply, from = 0): MaybePromise<boolean> {
    for (let i = from; i < this.steps.length; i++) {
      const answered = this.steps[i].step(request, reply);
      if (isPromise(answered)) {
        return answered.then((yes) => yes || this.run(request, reply, i + 1));
      }
      if (answered) return true;
    }
    return false;
  }
}
