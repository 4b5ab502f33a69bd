import type { INestApplicationContext } from '@nestjs/common';
import { InProcessQueue, QueueRegistry } from '@nexus/core';

const HOOKS = ['onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown'] as const;

/**
 * Closes a Nest app; if that takes longer than `reportAfterMs`, writes to stderr which shutdown
 * hooks are still running and what keeps the event loop busy, so a hanging close names its cause.
 */
export async function closeWatched(
  app: INestApplicationContext,
  label: string,
  reportAfterMs = Number(process.env.CLOSE_WATCH_MS ?? 15_000),
): Promise<void> {
  const running = new Map<string, number>();
  const restore: (() => void)[] = [];
  const container = (app as unknown as { container?: { getModules(): Map<string, ModuleLike> } })
    .container;
  for (const module of container?.getModules().values() ?? []) {
    for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const hook of HOOKS) {
        const original = instance[hook];
        if (typeof original !== 'function' || Object.hasOwn(instance, hook)) continue;
        const name = `${instance.constructor?.name ?? '?'}.${hook}`;
        instance[hook] = async (...args: unknown[]) => {
          running.set(name, Date.now());
          try {
            return await (original as (...a: unknown[]) => unknown).apply(instance, args);
          } finally {
            running.delete(name);
          }
        };
        restore.push(() => delete instance[hook]);
      }
    }
  }
  const timer = setTimeout(() => {
    const now = Date.now();
    const hooks = [...running].map(([n, at]) => `${n} (${now - at} ms)`).join(', ') || 'none';
    const resources = process.getActiveResourcesInfo().join(', ');
    const test = expect.getState().testPath ?? '?';
    process.stderr.write(
      `\n[close-watch] ${label} of ${test}: close still running after ${reportAfterMs} ms; ` +
        `hooks running: ${hooks}; jobs running: ${runningJobs(app)}; ` +
        `active resources: ${resources}\n`,
    );
  }, reportAfterMs);
  timer.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
    for (const r of restore) r();
  }
}

/** Embedded mode's queues: the jobs still running (BullMQ's are in Redis, not named here). */
function runningJobs(app: INestApplicationContext): string {
  let registry: QueueRegistry;
  try {
    registry = app.get(QueueRegistry, { strict: false });
  } catch {
    return '?';
  }
  const jobs = registry.names().flatMap((name) => {
    const queue = registry.raw(name);
    return queue instanceof InProcessQueue ? queue.running().map((j) => `${name}:${j}`) : [];
  });
  return jobs.join(', ') || 'none';
}

interface ModuleLike {
  providers: Map<unknown, { instance: unknown }>;
  controllers: Map<unknown, { instance: unknown }>;
}
