// The SQL of paged lists. A list query of src/reads hands back one of these list shapes; the
// GraphQL side (src/graphql/pagination.ts) turns Relay arguments into a page of it and owns
// the cursors, so no query here knows about Relay and no resolver writes SQL.
import { and, asc, count, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.js';

/** A list paged by offset, for orders that are not a unique key (names, ranks). */
export type OffsetList<T> = {
  page: (page: { offset: number; limit: number }) => Promise<T[]>;
  count: () => Promise<number>;
};

/** A position in a list ordered by (time, id), newest first. */
export type Keyset = { at: Date; id: string };
/** `inverted` asks for the page nearest `before`, in ascending order (the caller reverses it). */
export type KeysetPage = { after: Keyset | null; before: Keyset | null; limit: number; inverted: boolean };

/** A list paged by keyset over (time desc, id desc): stable while rows are added. */
export type KeysetList<T> = {
  keyOf: (row: T) => Keyset;
  page: (page: KeysetPage) => Promise<T[]>;
  count: () => Promise<number>;
};

/** The WHERE and ORDER BY of a keyset page over the columns (time, id), newest first. */
export function keysetQuery(page: KeysetPage, at: AnyColumn, id: AnyColumn): { where: SQL | undefined; orderBy: SQL[] } {
  const { after, before, inverted } = page;
  return {
    where: and(
      after ? sql`(${at}, ${id}) < (${keyParams(after)})` : undefined,
      before ? sql`(${at}, ${id}) > (${keyParams(before)})` : undefined,
    ),
    orderBy: inverted ? [asc(at), asc(id)] : [desc(at), desc(id)],
  };
}

// Typed explicitly: a bare parameter in raw SQL has no column type to take a Date from.
function keyParams(key: Keyset): SQL {
  return sql`${key.at.toISOString()}::timestamptz, ${key.id}::uuid`;
}

type Row<TTable extends PgTable> = TTable['$inferSelect'];

/**
 * A table's rows matching `filter`, newest first by the time column named `time`, then id:
 * a page is one statement, the count another (run only when asked for).
 */
export function newestFirst<TTable extends PgTable & { id: AnyColumn }>(
  db: Db,
  table: TTable,
  filter: SQL | undefined,
  time: keyof Row<TTable> & keyof TTable & string,
): KeysetList<Row<TTable>> {
  const timeColumn = table[time] as AnyColumn;
  return {
    keyOf: (row) => ({ at: (row as Record<string, unknown>)[time] as Date, id: (row as { id: string }).id }),
    page: (page) => {
      const { where, orderBy } = keysetQuery(page, timeColumn, table.id);
      return db
        .select()
        .from(table as PgTable)
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(page.limit) as Promise<Row<TTable>[]>;
    },
    count: async () =>
      (
        await db
          .select({ n: count() })
          .from(table as PgTable)
          .where(filter)
      )[0]!.n,
  };
}
