/** `p`'s value, or `false` once `ms` have passed or if `p` rejects (the timer is cleared either way). */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | false> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.catch(() => false as const),
    new Promise<false>((r) => (timer = setTimeout(() => r(false), ms))),
  ]).finally(() => clearTimeout(timer));
}
