// The few statements every page of flows runs, without the query builder's per-request costs
// (issue #13: a CPU profile put a fifth of a page's time in drizzle). Their text is written
// once; each runs as a prepared statement, which postgres.js keeps per connection (one round
// trip, parsed once, instead of a describe and a bind each time), with ids as one array
// parameter, so the text is the same whatever their number; and the driver's rows come back
// as they are, decoded here by a reader made once per table (only timestamps need decoding).
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.js';

/**
 * Runs `text` with `params` as a prepared statement named `name`, on `db` (a transaction
 * too), and answers the driver's rows as they are: postgres.js's and PGlite's alike (both
 * leave timestamps as text under drizzle). Counted like every other statement.
 */
export async function plainRows<Row>(db: Db, name: string, text: string, params: unknown[]): Promise<Row[]> {
  const result = (await db._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute()) as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/** A table's row as a select list and back: the columns named by their field names, `prefix` first. */
export type TableReader<Row> = {
  /** `"<alias>"."<column>" as "<prefix><field>", …` */
  columns(alias: string): string;
  /** The row drizzle would answer, from a driver row holding `columns`'s names. */
  read(row: Record<string, unknown>): Row;
  /** `json_build_object('<field>', "<alias>"."<column>", …)`: the row as one JSON value. */
  json(alias: string): string;
  /** The row drizzle would answer, from `json`'s object. */
  readJson(json: Record<string, unknown>): Row;
};

/** The reader of `table`'s rows, under `prefix` (for a second table in one select). */
export function tableReader<T extends PgTable>(table: T, prefix = ''): TableReader<T['$inferSelect']> {
  const fields = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    as: prefix + key,
    // Timestamps arrive as text; every other type of these tables as drizzle answers it.
    decode: column.columnType === 'PgTimestamp' ? (value: unknown) => column.mapFromDriverValue(value) : null,
  }));
  const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const decodeFrom = (row: Record<string, unknown>, keyOf: (f: (typeof fields)[number]) => string) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const value = row[keyOf(f)];
      out[f.key] = value === null || value === undefined ? null : f.decode ? f.decode(value) : value;
    }
    return out as T['$inferSelect'];
  };
  return {
    columns: (alias) => fields.map((f) => `${quoted(alias)}.${quoted(f.name)} as ${quoted(f.as)}`).join(', '),
    read: (row) => decodeFrom(row, (f) => f.as),
    json: (alias) => `json_build_object(${fields.map((f) => `'${f.key}', ${quoted(alias)}.${quoted(f.name)}`).join(', ')})`,
    readJson: (json) => decodeFrom(json, (f) => f.key),
  };
}

/** `table`'s name, quoted for a statement's text. */
export function tableName(table: PgTable): string {
  return `"${getTableName(table)}"`;
}
