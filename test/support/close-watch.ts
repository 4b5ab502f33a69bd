import type { INestApplicationContext } from '@nestjs/common';

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
    process.stderr.write(
      `\n[close-watch] ${label}: close still running after ${reportAfterMs} ms; ` +
        `hooks running: ${hooks}; active resources: ${resources}\n`,
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

interface ModuleLike {
  providers: Map<unknown, { instance: unknown }>;
  controllers: Map<unknown, { instance: unknown }>;
}
