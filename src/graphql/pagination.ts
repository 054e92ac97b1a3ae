// Relay pagination: `first` up to 100 (50 by default), opaque cursors, a lazy totalCount.
// Pothos' helpers do the Relay arithmetic; this file adds the limits and keyset cursors.
import { decodeBase64, encodeBase64 } from '@pothos/core';
import {
  resolveCursorConnection,
  resolveOffsetConnection,
  type DefaultConnectionArguments,
} from '@pothos/plugin-relay';
import { and, asc, count, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.js';
import { GraphQLError } from 'graphql';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 100;

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'INVALID_INPUT' } });
}

function checkSize(args: DefaultConnectionArguments) {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE)) {
      throw invalid(`"${name}" must be between 0 and ${MAX_PAGE}`);
    }
  }
}

/** What a connection field resolves to. */
export type Page<T> = {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
};

/** Offset pages, for lists ordered by something other than a unique key (names, ranks). */
export async function offsetPage<T>(
  args: DefaultConnectionArguments,
  fetch: (page: { offset: number; limit: number }) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  checkSize(args);
  try {
    const connection = await resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, fetch);
    return { ...(connection as Omit<Page<T>, 'totalCount'>), totalCount: count };
  } catch (error) {
    throw error instanceof GraphQLError ? error : invalid('invalid cursor');
  }
}

/** A position in a list ordered by (time, id), newest first. */
export type Keyset = { at: Date; id: string };
export type KeysetPage = { after: Keyset | null; before: Keyset | null; limit: number; inverted: boolean };

/**
 * Keyset pages over (time desc, id desc): stable while rows are added. `inverted` asks for
 * the page nearest `before`, in ascending order (Pothos reverses it back).
 */
async function keysetPage<T>(
  args: DefaultConnectionArguments,
  keyOf: (row: T) => Keyset,
  fetch: (page: KeysetPage) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  checkSize(args);
  const connection = await resolveCursorConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE, toCursor: (row) => encodeKeyset(keyOf(row as T)) },
    ({ after, before, limit, inverted }): Promise<T[]> =>
      fetch({ after: decodeKeyset(after), before: decodeKeyset(before), limit, inverted }),
  );
  return { ...(connection as Omit<Page<T>, 'totalCount'>), totalCount: count };
}

function encodeKeyset({ at, id }: Keyset): string {
  return encodeBase64(`K:${at.toISOString()}:${id}`);
}

function decodeKeyset(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  let text: string;
  try {
    text = decodeBase64(cursor);
  } catch {
    throw invalid('invalid cursor');
  }
  const match = /^K:(.+Z):([0-9a-f-]{36})$/.exec(text);
  const at = match ? new Date(match[1]!) : null;
  if (!match || !at || Number.isNaN(at.getTime())) throw invalid('invalid cursor');
  return { at, id: match[2]! };
}

/** The WHERE and ORDER BY of a keyset page over the columns (time, id), newest first. */
function keysetQuery(page: KeysetPage, at: AnyColumn, id: AnyColumn): { where: SQL | undefined; orderBy: SQL[] } {
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

/** Pages over a strictly increasing position (the sharing log), oldest first. */
export async function positionPage<T>(
  args: DefaultConnectionArguments,
  codec: { encode: (position: number) => string; decode: (cursor: string) => number },
  positionOf: (row: T) => number,
  fetch: (page: { after: number | null; before: number | null; limit: number; inverted: boolean }) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  checkSize(args);
  const decode = (cursor: string | undefined) => (cursor === undefined ? null : codec.decode(cursor));
  const connection = await resolveCursorConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE, toCursor: (row) => codec.encode(positionOf(row as T)) },
    ({ after, before, limit, inverted }): Promise<T[]> => fetch({ after: decode(after), before: decode(before), limit, inverted }),
  );
  return { ...(connection as Omit<Page<T>, 'totalCount'>), totalCount: count };
}

type NewestFirstTable = PgTable & { createdAt: AnyColumn; id: AnyColumn };

/**
 * A keyset page of a table's rows matching `filter`, newest first, with their total count.
 * Newest by `createdAt` unless another time is given.
 */
export function newestFirst<T extends { id: string }>(
  db: Db,
  args: DefaultConnectionArguments,
  table: PgTable & { id: AnyColumn },
  filter: SQL | undefined,
  time: { column: AnyColumn; of: (row: T) => Date } = {
    column: (table as NewestFirstTable).createdAt,
    of: (row) => (row as unknown as { createdAt: Date }).createdAt,
  },
): Promise<Page<T>> {
  return keysetPage(
    args,
    (row: T) => ({ at: time.of(row), id: row.id }),
    (page) => {
      const { where, orderBy } = keysetQuery(page, time.column, table.id);
      return db.select().from(table).where(and(filter, where)).orderBy(...orderBy).limit(page.limit) as Promise<T[]>;
    },
    async () => (await db.select({ n: count() }).from(table).where(filter))[0]!.n,
  );
}
