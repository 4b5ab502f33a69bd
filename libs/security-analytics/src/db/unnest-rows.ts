/** The pieces of `INSERT INTO t (<columns>) <select> …` for a batch of rows. */
export interface UnnestRows {
  /** `a, b, c`: the column list. */
  columns: string;
  /** `SELECT * FROM unnest($1::a[], $2::b[], …)`. */
  select: string;
  /** One array parameter per column. */
  params: unknown[][];
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Turns rows into one array parameter per column and the `unnest` that makes them rows again:
 * one statement per batch whatever its size (no parameter-count limit, one parse, one round
 * trip), the shape of every multi-row write of this module.
 *
 * `columns` lists `name type` pairs (`'at timestamptz, ip inet, status smallint'`); a column's
 * value is the row's camel-cased property (`status_class` → `statusClass`), or what `values`
 * gives for it. `timestamptz` values may be Dates or epoch milliseconds; undefined is null.
 */
export function unnestRows<T extends object>(
  rows: readonly T[],
  columns: string,
  values: Partial<Record<string, (row: T) => unknown>> = {},
): UnnestRows {
  const cols = columns.split(',').map((c) => {
    const [name, type] = c.trim().split(/\s+/);
    const key = camel(name); // once per column, not per row: this runs for every logged request
    const read = values[name] ?? ((row: T) => (row as Record<string, unknown>)[key]);
    const value =
      type === 'timestamptz'
        ? (row: T) => {
            const v = read(row);
            return v === null || v === undefined ? null : new Date(v as number).toISOString();
          }
        : (row: T) => read(row) ?? null;
    return { name, type, value };
  });
  const params = cols.map(() => new Array<unknown>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    for (let c = 0; c < cols.length; c++) params[c][i] = cols[c].value(rows[i]);
  }
  return {
    columns: cols.map((c) => c.name).join(', '),
    select: `SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
    params,
  };
}
