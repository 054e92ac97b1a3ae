// What every flow list (myFlows, teamFlows, runOnlyFlows, environmentFlows) does with its
// arguments: `filter` and `orderBy` decoded for src/reads (src/reads/flow-filter.ts), and
// keyset pages under the order asked for. A cursor names its order: given with another order
// it is INVALID_INPUT, never a page of something else. The input types are in flows.ts.
import { encodeBase64 } from '@pothos/core';
import { resolveCursorConnection, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import { searchWords, DEFAULT_FLOW_ORDER, type FlowFilter, type FlowOrder } from '../reads/flow-filter.js';
import type { FlowKey, FlowList, FlowListOptions } from '../reads/flows.js';
import type { FlowRow } from '../sharing/access.js';
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

/** A page of the list: Relay's arithmetic over keyset pages, cursors that carry the order. */
export async function flowPage(args: DefaultConnectionArguments, list: FlowList): Promise<Page<FlowRow>> {
  checkSize(args);
  const { order } = list;
  const connection = await resolveCursorConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE, toCursor: (flow) => encodeKey(order, list.keyOf(flow as FlowRow)) },
    ({ after, before, limit, inverted }): Promise<FlowRow[]> =>
      list.page({ after: decodeKey(order, after), before: decodeKey(order, before), limit, inverted }),
  );
  return { ...(connection as Omit<Page<FlowRow>, 'totalCount'>), totalCount: list.count };
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
