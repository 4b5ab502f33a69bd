import { INestApplication, Injectable, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { AppConfig } from '../config/app-config';

/** Whether this process is draining (a stop signal arrived): readiness answers 503 from then on. */
@Injectable()
export class DrainState {
  private since: number | undefined;

  get draining(): boolean {
    return this.since !== undefined;
  }

  start(): void {
    this.since ??= Date.now();
  }
}

/**
 * The api's stop sequence, replacing Nest's shutdown-hook listener: on SIGTERM readiness turns
 * 503 at once while every other route is still served, for `SHUTDOWN_READINESS_GRACE_MS` (load
 * balancers polling readiness and Kubernetes endpoint updates take the instance out of rotation
 * meanwhile); then the listener closes (new connections refused, idle kept-alive ones closed)
 * and Nest closes the app — in-flight requests finish, the shutdown hooks flush and close — and
 * the process exits 0. SIGINT (a terminal) skips the
 * grace; a second signal cuts it short. A failed close exits 1.
 */
export function drainOnSignals(
  app: INestApplication,
  config: AppConfig,
  logger: LoggerService,
): void {
  const state = app.get(DrainState);
  let endGrace: (() => void) | undefined;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return endGrace?.();
    stopping = true;
    state.start();
    const grace = signal === 'SIGTERM' ? config.shutdownReadinessGraceMs : 0;
    logger.log(`${signal}: readiness answers 503; closing in ${grace} ms`, 'Drain');
    void new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, grace);
      endGrace = () => {
        clearTimeout(timer);
        resolve();
      };
    })
      .then(() => {
        // Before Nest's shutdown hooks, which may wait (a request-log flush on a slow database):
        // the instance is out of rotation now, so new connections are refused at once.
        (app.getHttpServer() as Server).close();
        return app.close();
      })
      .then(
        () => {
          logger.log('drained and closed', 'Drain');
          process.exit(0);
        },
        (e: Error) => {
          logger.error(`shutdown failed: ${e.message}`, e.stack, 'Drain');
          process.exit(1);
        },
      );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, onSignal);
}
