// Narrowing and ordering a list of flows (FlowFilter, FlowOrder): the SQL conditions and sort
// keys every flow list shares (myFlows, teamFlows, runOnlyFlows, environmentFlows). The
// expressions are written exactly as migration 0009's indexes are (src/db/tables/flows.ts):
// fold_case() over the name and description, searched through pg_trgm, and the folded name
// under COLLATE "C" for DISPLAY_NAME, so both read the same on every database and locale.
import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { flows, ownerGrants, runOnlyGrants } from '../db/tables.js';
import { DomainError } from '../policy/errors.js';
import { liveGrant, type GrantTable } from './visibility.js';

type FlowColumns = typeof flows.$inferSelect;

/** At most this many words in a search, each once: every one is a trigram scan. */
export const MAX_SEARCH_WORDS = 8;
/** The longest search, in characters. */
export const MAX_SEARCH_LENGTH = 200;

export type FlowFilter = {
  /** Already split into words (searchWords). */
  words?: readonly string[];
  state?: FlowColumns['state'] | null;
  trigger?: FlowColumns['trigger'] | null;
  solutionAware?: boolean | null;
  /** A user, group or list (its kind and row id): flows where it holds a grant directly. */
  sharedWith?: { kind: 'USER' | 'GROUP' | 'LIST'; id: string } | null;
};

export type FlowOrderField = 'CREATED_AT' | 'MODIFIED_AT' | 'DISPLAY_NAME';
export type FlowOrder = { field: FlowOrderField; direction: 'ASC' | 'DESC' };
export const DEFAULT_FLOW_ORDER: FlowOrder = { field: 'CREATED_AT', direction: 'DESC' };

/**
 * The words of a search: split on whitespace, empty when there are none. Too many words or
 * too long a search is INVALID_INPUT naming `field`.
 */
export function searchWords(search: string | null | undefined, field: string[]): string[] {
  if (!search) return [];
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new DomainError('INVALID_INPUT', `${field.join('.')}: must be at most ${MAX_SEARCH_LENGTH} characters`, field);
  }
  const words = [...new Set(search.split(/\s+/u).filter((w) => w.length > 0))];
  if (words.length > MAX_SEARCH_WORDS) {
    throw new DomainError('INVALID_INPUT', `${field.join('.')}: must have at most ${MAX_SEARCH_WORDS} words`, field);
  }
  if (words.some((w) => w.includes('\u0000'))) {
    throw new DomainError('INVALID_INPUT', `${field.join('.')}: must not contain NUL characters`, field);
  }
  return words;
}

/** LIKE's wildcards and its escape character, taken literally. */
const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The text a search looks in (flows_search_idx's expression). */
const searchedText = sql`fold_case(${flows.displayName} || ' ' || coalesce(${flows.description}, ''))`;

/** The folded name under "C" (flows_environment_name_idx's expression): DISPLAY_NAME's key. */
export const nameKey = sql`(fold_case(${flows.displayName}) COLLATE "C")`;

/** A direct, live grant of `table` to the principal on the outer query's flow. */
function grantTo(db: Db, table: GrantTable, principal: NonNullable<FlowFilter['sharedWith']>): SQL {
  const column = { USER: table.userId, GROUP: table.groupId, LIST: table.listId }[principal.kind];
  return exists(
    db
      .select({ one: sql`1` })
      .from(table)
      .where(and(eq(table.flowId, flows.id), eq(column, principal.id), liveGrant(table))),
  );
}

/** The filter as one SQL condition on `flows` (undefined: no condition). */
export function flowFilterSql(db: Db, filter: FlowFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const { words = [], state, trigger, solutionAware, sharedWith } = filter;
  return and(
    // Each word folded like the text, wildcards escaped: "as part of" the name or description.
    ...words.map((word) => sql`${searchedText} LIKE '%' || fold_case(${escapeLike(word)}::text) || '%'`),
    state ? eq(flows.state, state) : undefined,
    trigger ? eq(flows.trigger, trigger) : undefined,
    solutionAware == null ? undefined : eq(flows.solutionAware, solutionAware),
    sharedWith ? or(grantTo(db, ownerGrants, sharedWith), grantTo(db, runOnlyGrants, sharedWith)) : undefined,
  );
}
