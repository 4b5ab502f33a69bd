/**
 * TypeORM's postgres driver answers `UPDATE/DELETE` through `query()` as `[rows, affectedCount]`
 * but `SELECT` and `INSERT ... RETURNING` as plain rows. These read both shapes, so a repository
 * never has to know which statement kind it ran.
 */
function isRowsAndCount(result: unknown): result is [unknown[], number] {
  return (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  );
}

/** The rows a statement returned (`RETURNING` rows of an UPDATE/DELETE included). */
export function returnedRows<T>(result: unknown): T[] {
  if (isRowsAndCount(result)) return result[0] as T[];
  return (Array.isArray(result) ? result : []) as T[];
}

/** How many rows a statement affected (or returned, for statements without a count). */
export function affectedCount(result: unknown): number {
  if (isRowsAndCount(result)) return result[1];
  return Array.isArray(result) ? result.length : 0;
}
