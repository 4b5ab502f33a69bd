/**
 * TypeORM's postgres driver answers `UPDATE/DELETE ... RETURNING` through `query()` as
 * `[rows, affectedCount]` but `SELECT`/`INSERT ... RETURNING` as plain rows; this reads both.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return (Array.isArray(result) ? result : []) as T[];
}

/** SQLSTATE 23505 (unique_violation), with the violated constraint's name. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  if (code !== '23505') return undefined;
  return e.constraint ?? e.driverError?.constraint ?? 'unknown';
}
