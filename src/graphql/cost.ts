// What a field costs, for the cost limit (Pothos complexity, checked in limits.ts): every field
// costs 1, and what is selected under a list counts once per row. A connection counts its
// selection once per `first`/`last` (its edges then count once): pages are what an attacker
// nests (FlowRun.flow -> Flow.runs), so they count exactly. An unpaged list counts 10 rows unless
// its field declares more where it is defined (listCost): a flow's own lists (actions,
// references, failures) are bounded by what a save accepts and lead to no further page.
import { getNullableType, isListType, type GraphQLField } from 'graphql';
import { DEFAULT_PAGE } from './pagination.js';

/** Rows assumed for an unpaged list whose field declares no cap of its own. */
export const DEFAULT_LIST_ROWS = 10;

type Cost = { field: number; multiplier: number };

/** A connection's `edges`: the connection field counted its rows already. */
export const EDGES_COST: Cost = { field: 0, multiplier: 1 };

export function fieldCost<C>(args: Record<string, unknown>, _ctx: C, field: GraphQLField<unknown, C>): Cost {
  if (field.args.some((arg) => arg.name === 'first')) {
    return { field: 1, multiplier: rows(args.first ?? args.last, DEFAULT_PAGE) };
  }
  return { field: 1, multiplier: isListType(getNullableType(field.type)) ? DEFAULT_LIST_ROWS : 1 };
}

/** The cost of an unpaged list holding at most `max` rows (declared on the field). */
export function listCost(max: number): Cost {
  return { field: 1, multiplier: max };
}

/** A page size as a multiplier: what was asked for, or the default; never below 0. */
function rows(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : fallback;
}
