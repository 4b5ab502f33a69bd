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

