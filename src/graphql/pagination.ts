// Relay pagination: `first` up to 100 (50 by default), opaque cursors, a lazy totalCount.
// Pothos' helpers do the Relay arithmetic; this file adds the limits and the keyset cursors.
// The lists' SQL is in src/reads (src/reads/pagination.ts for the keyset WHERE and ORDER BY).
import { decodeBase64, encodeBase64 } from '@pothos/core';
import { resolveCursorConnection, resolveOffsetConnection, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Keyset, KeysetList, OffsetList } from '../reads/pagination.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 100;

/** A malformed page argument: INVALID_INPUT. */
export function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'INVALID_INPUT' } });
}

/** `first` and `last` within 0..MAX_PAGE, else INVALID_INPUT. */
export function checkSize(args: DefaultConnectionArguments) {
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
export async function offsetPage<T>(args: DefaultConnectionArguments, list: OffsetList<T>): Promise<Page<T>> {
  checkOffsetArgs(args);
  const connection = await resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, list.page);
  return { ...(connection as Omit<Page<T>, 'totalCount'>), totalCount: list.count };
}

/** An offset page's arguments: sizes within bounds, cursors of an offset list, else INVALID_INPUT. */
export function checkOffsetArgs(args: DefaultConnectionArguments) {
  checkSize(args);
  // Pothos' own error for a malformed offset cursor carries no code: refused here first.
  for (const cursor of [args.after ?? undefined, args.before ?? undefined]) {
    decodeCursor(cursor, (text) => (/^OffsetConnection:\d{1,9}$/.test(text) ? text : null));
  }
}

/** Keyset pages over (time desc, id desc), newest first: stable while rows are added. */
export async function keysetPage<T>(args: DefaultConnectionArguments, list: KeysetList<T>): Promise<Page<T>> {
  checkSize(args);
  const connection = await resolveCursorConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE, toCursor: (row) => encodeKeyset(list.keyOf(row as T)) },
    ({ after, before, limit, inverted }): Promise<T[]> =>
      list.page({ after: decodeKeyset(after), before: decodeKeyset(before), limit, inverted }),
  );
  return { ...(connection as Omit<Page<T>, 'totalCount'>), totalCount: list.count };
}

function encodeKeyset({ at, id }: Keyset): string {
  return encodeBase64(`K:${at.toISOString()}:${id}`);
}

function decodeKeyset(cursor: string | undefined): Keyset | null {
  return decodeCursor(cursor, (text) => {
    const match = /^K:(.+Z):([0-9a-f-]{36})$/.exec(text);
    const at = match ? new Date(match[1]!) : null;
    return match && at && !Number.isNaN(at.getTime()) ? { at, id: match[2]! } : null;
  });
}

/** An opaque (base64) cursor read by `parse`: null when absent, INVALID_INPUT when it doesn't parse. */
export function decodeCursor<K>(cursor: string | undefined, parse: (text: string) => K | null): K | null {
  if (cursor === undefined) return null;
  let text: string;
  try {
    text = decodeBase64(cursor);
  } catch {
    throw invalid('invalid cursor');
  }
  const key = parse(text);
  if (key === null) throw invalid('invalid cursor');
  return key;
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
