// What every flow list (myFlows, teamFlows, runOnlyFlows, environmentFlows) does with its
// arguments: `filter` and `orderBy` decoded for src/reads (src/reads/flow-filter.ts), and
// keyset pages under the order asked for. A cursor names its order: given with another order
// it is INVALID_INPUT, never a page of something else. The input types are in flows.ts.
import { encodeBase64 } from '@pothos/core';
import { resolveCursorConnection, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import { searchWords, DEFAULT_FLOW_ORDER, type FlowFilter, type FlowOrder } from '../reads/flow-filter.js';
import type { FlowKey, FlowList, FlowListOptions } from '../reads/flows.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { FlowRow } from '../sharing/access.js';
import type { Context } from './context.js';
import { seesDefinition } from './flows.js';
import { selectedAt } from './lookahead.js';
import { principalOf } from './ids.js';
import { checkSize, DEFAULT_PAGE, decodeCursor, invalid, MAX_PAGE, type Page } from './pagination.js';

export type FlowFilterArg = {
  search?: string | null;
  state?: FlowFilter['state'];
  trigger?: FlowFilter['trigger'];
  solutionAware?: boolean | null;
  sharedWith?: string | null;
};
export type FlowListArgs = { filter?: FlowFilterArg | null; orderBy?: FlowOrder | null };

/** The filter and order of a list's arguments; a bad search or sharedWith is INVALID_INPUT naming it. */
export function flowListOptions(args: FlowListArgs): Omit<FlowListOptions, 'environmentId'> {
  const f = args.filter;
  const filter: FlowFilter | null = f
    ? {
        words: searchWords(f.search, ['filter', 'search']),
        state: f.state,
        trigger: f.trigger,
        solutionAware: f.solutionAware,
        sharedWith: f.sharedWith == null ? null : principalOf(f.sharedWith, ['filter', 'sharedWith']),
      }
    : null;
  return { filter, order: args.orderBy ?? DEFAULT_FLOW_ORDER };
}

/**
 * A page of the list: Relay's arithmetic over keyset pages, cursors that carry the order.
 * `ahead` (pageAhead) reads what the query will ask of the page's flows before answering it.
 */
export async function flowPage(
  args: DefaultConnectionArguments,
  list: FlowList,
  ahead?: (flows: readonly FlowRow[]) => Promise<unknown>,
): Promise<Page<FlowRow>> {
  checkSize(args);
  const { order } = list;
  const connection = await resolveCursorConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE, toCursor: (flow) => encodeKey(order, list.keyOf(flow as FlowRow)) },
    ({ after, before, limit, inverted }): Promise<FlowRow[]> =>
      list.page({ after: decodeKey(order, after), before: decodeKey(order, before), limit, inverted }),
  );
  if (ahead && connection && connection.edges.length > 0) await ahead(connection.edges.map((edge) => edge!.node as FlowRow));
  return { ...(connection as Omit<Page<FlowRow>, 'totalCount'>), totalCount: list.count };
}

/** Flow fields that decide on the viewer's access to the flow (the request's flow loader). */
const ACCESS_FIELDS = ['owners', 'accessFor', 'runOnlyUsers', 'runs', 'actions', 'viewerAccess', 'connectionReferences'];

/**
 * What a page's flows will be asked, read with the page, as the query selects it
 * (lookahead.ts): their access (grants and the decision) and their definitions (references
 * and actions), in the statements their fields would have run, so that those fields answer at
 * once rather than each waiting for a loader (issue #13: ~600 fields of a page in depth). The
 * same statements run as without it: definitions only where the fields would read them.
 */
export function pageAhead(ctx: Context, info: GraphQLResolveInfo) {
  const selected = selectedAt(info, ['edges', 'node']);
  const access = ACCESS_FIELDS.some((name) => selected.has(name));
  const [references, actions] = [selected.has('connectionReferences'), selected.has('actions')];
  if (!access) return undefined;
  return async (flows: readonly FlowRow[]) => {
    const ids = flows.map((flow) => flow.id);
    // References are read for every viewer: with the access, in parallel.
    const [found] = await Promise.all([ctx.loaders.flow.nowMany(ids), references ? ctx.loaders.definitionOf.nowMany(ids) : null]);
    if (actions && !references) {
      // Actions are read for those who see the flow whole only (seesDefinition), as Flow.actions does.
      const whole = found.flatMap((f) => (f && !(f instanceof Error) && seesDefinition(f.access) ? [f.flow.id] : []));
      if (whole.length > 0) await ctx.loaders.definitionOf.nowMany(whole);
    }
  };
}

// The value is last: a name may hold any character, ':' included.
function encodeKey(order: FlowOrder, { value, id }: FlowKey): string {
  return encodeBase64(`F:${order.field}:${order.direction}:${id}:${value}`);
}

/** The longest folded name a cursor may carry (names are at most 256 characters). */
const MAX_KEY_LENGTH = 1_024;

function decodeKey(order: FlowOrder, cursor: string | undefined): FlowKey | null {
  return decodeCursor(cursor, (text) => {
    const match = /^F:(CREATED_AT|MODIFIED_AT|DISPLAY_NAME):(ASC|DESC):([0-9a-f-]{36}):(.*)$/s.exec(text);
    if (!match) return null;
    if (match[1] !== order.field || match[2] !== order.direction) {
      throw invalid(
        `the cursor is from a list ordered by ${match[1]} ${match[2]}, not ${order.field} ${order.direction}: start again without it`,
      );
    }
    const [id, value] = [match[3]!, match[4]!];
    const valid =
      order.field === 'DISPLAY_NAME'
        ? value.length <= MAX_KEY_LENGTH && !value.includes('\u0000')
        : /Z$/.test(value) && !Number.isNaN(new Date(value).getTime());
    if (!valid) return null;
    return { value: order.field === 'DISPLAY_NAME' ? value : new Date(value).toISOString(), id };
  });
}
