import { arrayText, IsoMillis } from './copy-text';

/** The pieces of `INSERT INTO t (<columns>) <select> …` for a batch of rows. */
export interface UnnestRows {
  /** `a, b, c`: the column list. */
  columns: string;
  /** `SELECT * FROM unnest($1::a[], $2::b[], …)`. */
  select: string;
  /** One array parameter per column, as its array literal (`{"a","b",NULL}`). */
  params: string[];
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const NUMERIC = new Set([
  'smallint',
  'int',
  'integer',
  'bigint',
  'real',
  'float4',
  'float8',
  'numeric',
]);

type Element = (value: unknown) => string;

/** How one value of a column of `type` is written inside an array literal. */
function elementOf(type: string): Element {
  if (type === 'timestamptz') {
    const iso = new IsoMillis();
    return (v) =>
      v === null || v === undefined
        ? 'NULL'
        : iso.text(v instanceof Date ? v.getTime() : (v as number));
  }
  if (NUMERIC.has(type))
    return (v) =>
      v === null || v === undefined ? 'NULL' : typeof v === 'number' ? `${v}` : arrayText(`${v}`);
  if (type === 'bool' || type === 'boolean')
    return (v) => (v === null || v === undefined ? 'NULL' : v ? 't' : 'f');
  return (v) => (v === null || v === undefined ? 'NULL' : arrayText(`${v as string}`));
}

/**
 * Turns rows into one array parameter per column and the `unnest` that makes them rows again:
 * one statement per batch whatever its size (no parameter-count limit, one parse, one round
 * trip), the shape of every multi-row write of this module. Each parameter is the column's array
 * literal, built here rather than by pg's generic per-element encoding (docs/benchmarks.md).
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
    return { name, type, read, element: elementOf(type) };
  });
  const params = cols.map(({ read, element }) => {
    let literal = '{';
    for (let i = 0; i < rows.length; i++) literal += (i ? ',' : '') + element(read(rows[i]));
    return literal + '}';
  });
  return {
    columns: cols.map((c) => c.name).join(', '),
    select: `SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
    params,
  };
}
