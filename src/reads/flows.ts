// Flow lists: My flows, Team flows, Run-only flows and an environment's inventory, each
// filtered and ordered (src/reads/flow-filter.ts) and keyset-paged under its order, optionally
// within one environment. Who a grant reaches is src/reads/visibility.ts's.
// And what a page of flows is made of: their connection references and actions.
import { and, asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.js';
import { connectionReferences, environments, flowActions, flows, ownerGrants, runOnlyGrants } from '../db/tables.js';
import { flowWithPlace, type FlowRow, type FlowWithPlace, type Memberships } from '../sharing/access.js';
import { DEFAULT_FLOW_ORDER, flowFilterSql, nameKey, type FlowFilter, type FlowOrder } from './flow-filter.js';
import { plainRows, tableName, tableReader } from './plain.js';
import { grantedTo } from './visibility.js';

/** No environment given: every environment. */
const inEnvironment = (environmentId?: string | null) => (environmentId ? eq(flows.environmentId, environmentId) : undefined);

type EnvironmentRow = typeof environments.$inferSelect;

/**
 * Where a page of flows puts what it read besides the flows: their environments, and the
 * flows as their access is decided on (the request's loaders: src/reads/loaders.ts).
 */
export type FlowPagePrimer = {
  environment: { prime(id: string, row: EnvironmentRow): unknown };
  flowPlace: { prime(id: string, flow: FlowWithPlace): unknown };
};

/** A position in a flow list: the order's value (an ISO time, or the folded name) and the id. */
export type FlowKey = { value: string; id: string };
/** `inverted` asks for the page nearest `before`, in the opposite order (the caller reverses it). */
export type FlowPage = { after: FlowKey | null; before: FlowKey | null; limit: number; inverted: boolean };

/** A list of flows paged by keyset under its order: (order's value, id), both one direction. */
export type FlowList = {
  order: FlowOrder;
  keyOf: (flow: FlowRow) => FlowKey;
  page: (page: FlowPage) => Promise<FlowRow[]>;
  count: () => Promise<number>;
};

/** What a list asks for: an environment, a filter, an order (default CREATED_AT DESC). */
export type FlowListOptions = { environmentId?: string | null; filter?: FlowFilter | null; order?: FlowOrder | null };

const sortColumn = (order: FlowOrder) =>
  order.field === 'CREATED_AT' ? flows.createdAt : order.field === 'MODIFIED_AT' ? flows.modifiedAt : nameKey;

/** The WHERE and ORDER BY of a keyset page under `order`; ties broken by id, same direction. */
function keysetSql(order: FlowOrder, page: FlowPage): { where: SQL | undefined; orderBy: SQL[] } {
  const column = sortColumn(order);
  // Typed explicitly: a bare parameter has no type to compare a time or a "C" string with.
  const key = ({ value, id }: FlowKey) =>
    order.field === 'DISPLAY_NAME' ? sql`(${value}::text COLLATE "C"), ${id}::uuid` : sql`${value}::timestamptz, ${id}::uuid`;
  const ascending = order.direction === 'ASC';
  const past = (k: FlowKey) => sql`(${column}, ${flows.id}) ${sql.raw(ascending ? '>' : '<')} (${key(k)})`;
  const short = (k: FlowKey) => sql`(${column}, ${flows.id}) ${sql.raw(ascending ? '<' : '>')} (${key(k)})`;
  const up = ascending !== page.inverted;
  return {
    where: and(page.after ? past(page.after) : undefined, page.before ? short(page.before) : undefined),
    orderBy: up ? [asc(column), asc(flows.id)] : [desc(column), desc(flows.id)],
  };
}

const dialect = new PgDialect();
const flowReader = tableReader(flows, 'f.');
const environmentReader = tableReader(environments, 'e.');
/** What flowWithPlace adds to a flow's row. */
const placeOf = (environment: EnvironmentRow) => {
  const { tenantId, securityGroupId, environmentName } = flowWithPlace({} as FlowRow, environment);
  return { tenantId, securityGroupId, environmentName };
};
const PAGE_COLUMNS = `${flowReader.columns('flows')}, ${environmentReader.columns('environments')}`;

/**
 * Flows matching `where` and the options: each page one statement, joined to the flows'
 * environments (each environment row once per flow: a few columns), which it hands `primer`;
 * the count another, run only when asked for.
 */
function flowList(db: Db, where: SQL | undefined, options: FlowListOptions, primer?: FlowPagePrimer): FlowList {
  const order = options.order ?? DEFAULT_FLOW_ORDER;
  const filter = and(where, inEnvironment(options.environmentId), flowFilterSql(db, options.filter));
  // The folded names of the rows read, for their cursors (computed by the database only).
  const names = new Map<string, string>();
  return {
    order,
    keyOf: (flow) => ({
      value:
        order.field === 'CREATED_AT'
          ? flow.createdAt.toISOString()
          : order.field === 'MODIFIED_AT'
            ? flow.modifiedAt.toISOString()
            : names.get(flow.id)!,
      id: flow.id,
    }),
    page: async (page) => {
      const keyset = keysetSql(order, page);
      const name = order.field === 'DISPLAY_NAME' ? sql`${nameKey}` : sql`null`;
      // Built by drizzle (the filter and keyset), run as plain rows, prepared: one text per
      // filter's shape and order (src/reads/plain.ts).
      const query = dialect.sqlToQuery(sql`select ${sql.raw(PAGE_COLUMNS)}, ${name} as "name"
        from ${flows} inner join ${environments} on ${environments.id} = ${flows.environmentId}
        where ${and(filter, keyset.where) ?? sql`true`} order by ${sql.join(keyset.orderBy, sql`, `)} limit ${page.limit}`);
      const rows = (await plainRows<Record<string, unknown>>(db, 'flow_page', query.sql, query.params)).map((row) => {
        const environment = environmentReader.read(row);
        // The flow's row is also the flow as its access is decided on: one object, not a copy each.
        const flow: FlowWithPlace = Object.assign(flowReader.read(row), placeOf(environment));
        return { flow, environment, name: row.name as string };
      });
      for (const { flow, environment, name } of rows) {
        names.set(flow.id, name);
        primer?.environment.prime(environment.id, environment);
        primer?.flowPlace.prime(flow.id, flow);
      }
      return rows.map((r) => r.flow);
    },
    count: async () => (await db.select({ n: count() }).from(flows).where(filter))[0]!.n,
  };
}

/** Flows the user is the primary owner of. */
export function flowsOwnedBy(db: Db, userId: string, options: FlowListOptions = {}, primer?: FlowPagePrimer): FlowList {
  return flowList(db, eq(flows.primaryOwnerId, userId), options, primer);
}

/**
 * Flows the user co-owns through a live grant (directly, through a group or a list) inside
 * their environment, but is not the primary owner of: those are flowsOwnedBy's.
 */
export function flowsCoOwnedBy(
  db: Db,
  userId: string,
  memberships: Memberships,
  options: FlowListOptions = {},
  primer?: FlowPagePrimer,
): FlowList {
  return flowList(db, and(grantedTo(db, ownerGrants, userId, memberships), ne(flows.primaryOwnerId, userId)), options, primer);
}

/** Flows shared with the user run-only through a live grant, inside their environment. */
export function flowsRunnableBy(
  db: Db,
  userId: string,
  memberships: Memberships,
  options: FlowListOptions = {},
  primer?: FlowPagePrimer,
): FlowList {
  return flowList(db, grantedTo(db, runOnlyGrants, userId, memberships), options, primer);
}

/** Every flow of the environment: its inventory, for its admins (who may ask is the caller's). */
export function flowsOfEnvironment(
  db: Db,
  environmentId: string,
  options: Omit<FlowListOptions, 'environmentId'> = {},
  primer?: FlowPagePrimer,
): FlowList {
  return flowList(db, undefined, { ...options, environmentId }, primer);
}

// ------------------------------------------------------------------ a flow's definition

export type ReferenceRow = typeof connectionReferences.$inferSelect;
export type ActionRow = typeof flowActions.$inferSelect;
export type Definition = { references: ReferenceRow[]; actions: ActionRow[] };

/** The references' and actions' rows of flows, in one statement (see loadDefinitionsOf). */
const DEFINITIONS_SQL = `
  select true as "isReference", r.flow_id as "flowId", r.position, r.id, r.connection_id as "connectionId",
         r.run_only_source::text as "runOnlySource", null::text as name, null::uuid as "connectionReferenceId"
  from ${tableName(connectionReferences)} r where r.flow_id = any($1::uuid[])
  union all
  select false, a.flow_id, a.position, null, null, null, a.name, a.connection_reference_id
  from ${tableName(flowActions)} a where a.flow_id = any($1::uuid[])
  order by position`;

type DefinitionRow = {
  isReference: boolean;
  flowId: string;
  position: number;
  id: string | null;
  connectionId: string | null;
  runOnlySource: ReferenceRow['runOnlySource'] | null;
  name: string | null;
  connectionReferenceId: string | null;
};

/**
 * Flows' connection references and actions, each in position order, in one statement (UNION
 * ALL, a row each, with a discriminator); every flow id has an entry.
 */
export async function loadDefinitionsOf(db: Db, flowIds: readonly string[]): Promise<Map<string, Definition>> {
  const out = new Map<string, Definition>(flowIds.map((id) => [id, { references: [], actions: [] }]));
  if (flowIds.length === 0) return out;
  const rows = await plainRows<DefinitionRow>(db, 'flow_definitions', DEFINITIONS_SQL, [[...new Set(flowIds)]]);
  for (const row of rows) {
    const definition = out.get(row.flowId)!;
    if (row.isReference) {
      definition.references.push({
        id: row.id!,
        flowId: row.flowId,
        connectionId: row.connectionId!,
        runOnlySource: row.runOnlySource!,
        position: row.position,
      });
    } else {
      definition.actions.push({
        flowId: row.flowId,
        position: row.position,
        name: row.name!,
        connectionReferenceId: row.connectionReferenceId,
      });
    }
  }
  return out;
}
