/** Synchronisation for tests: deferred promises as barriers, and waiting on an observable outcome. */

export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Resolves with the first truthy value of `probe`, re-checked until `timeoutMs` passes. For
 * outcomes no event announces (a row written by another process, a backend waiting on a lock):
 * the test waits on the outcome itself, and the deadline only turns a hang into a failure.
 */
export async function waitUntil<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, what = 'condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Whether `promise` has settled yet (checked after pending callbacks have run). */
export function settled(promise: Promise<unknown>): () => boolean {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}

/**
 * Waits until no queue of the app holds a waiting or active job: work a test's setup caused
 * (fan-out, emails) has run, so it does not mix with what the test measures next. Delayed jobs
 * (retries, the next run of a schedule) do not count.
 */
export async function queuesIdle(
  registry: {
    names(): string[];
    raw(name: string): { counts(): Promise<Record<string, number>> } | undefined;
  },
  timeoutMs = 20_000,
): Promise<void> {
  await waitUntil(
    async () => {
      for (const name of registry.names()) {
        const c = (await registry.raw(name)?.counts()) ?? {};
        if ((c.waiting ?? 0) + (c.active ?? 0) > 0) return false;
      }
      return true;
    },
    { timeoutMs, what: 'idle queues' },
  );
}
