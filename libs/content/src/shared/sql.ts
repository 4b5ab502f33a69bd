/**
 * Rows affected by a statement run through `DataSource.query`: TypeORM's postgres driver returns
 * `[rows, rowCount]` for UPDATE/DELETE and the rows for everything else.
 */
export function affectedRows(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[1];
  return result.length;
}
