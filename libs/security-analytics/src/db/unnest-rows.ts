/** One column of a multi-row write: its name, its PostgreSQL type and how a row gives its value. */
export interface UnnestColumn<T> {
  name: string;
  /** Element type, e.g. `inet`, `timestamptz`, `text` (the parameter is cast to `type[]`). */
  type: string;
  value: (row: T) => unknown;
}

/** The pieces of `INSERT INTO t (<columns>) <select> …` for `rows`. */
export interface UnnestRows {
  /** `a, b, c`: the column list. */
  columns: string;
  /** `SELECT * FROM unnest($1::a[], $2::b[], …)`. */
  select: string;
  /** One array parameter per column. */
  params: unknown[][];
}

/**
 * Turns rows into one array parameter per column and the `unnest` that makes them rows again:
 * one statement per batch whatever its size (no parameter-count limit, one parse, one round
 * trip), the shape of every multi-row write of this module.
 */
export function unnestRows<T>(rows: readonly T[], columns: readonly UnnestColumn<T>[]): UnnestRows {
  const params = columns.map(() => new Array<unknown>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    for (let c = 0; c < columns.length; c++) params[c][i] = columns[c].value(rows[i]);
  }
  return {
    columns: columns.map((c) => c.name).join(', '),
    select: `SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
    params,
  };
}
