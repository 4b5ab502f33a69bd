/**
 * A value that is there now or later. Hot paths whose embedded-mode implementation is synchronous
 * (in-process cache lookups) return one, so a cached answer costs no promise — with
 * AsyncLocalStorage active, every promise pays for async-context hooks on creation and settling.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}

/** `f(value)`, synchronously when the value is already there. */
export function andThen<T, R>(
  value: MaybePromise<T>,
  f: (v: T) => MaybePromise<R>,
): MaybePromise<R> {
  return isPromise(value) ? value.then(f) : f(value);
}
