// The viewer's flow lists: My flows, Team flows and Run-only flows, each newest first and
// optionally within one environment. Who a grant reaches is src/reads/visibility.ts's.
// And what a page of flows is made of: their connection references and actions.
import { and, asc, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connectionReferences, environments, flowActions, flows, ownerGrants, runOnlyGrants } from '../db/tables.js';
import { flowWithPlace, type FlowRow, type FlowWithPlace, type Memberships } from '../sharing/access.js';
import { keysetQuery, type KeysetList } from './pagination.js';
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

/**
 * Flows matching `filter`, newest first: each page one statement, joined to the flows'
 * environments (each environment row once per flow: a few columns), which it hands `primer`.
 */
function flowsNewestFirst(db: Db, filter: SQL | undefined, primer?: FlowPagePrimer): KeysetList<FlowRow> {
  return {
    keyOf: (flow) => ({ at: flow.createdAt, id: flow.id }),
    page: async (page) => {
      const { where, orderBy } = keysetQuery(page, flows.createdAt, flows.id);
      if (!primer) return db.select().from(flows).where(and(filter, where)).orderBy(...orderBy).limit(page.limit);
      const rows = await db
        .select({ flow: flows, environment: environments })
        .from(flows)
        .innerJoin(environments, eq(environments.id, flows.environmentId))
        .where(and(filter, where))
        .orderBy(...orderBy)
        .limit(page.limit);
      for (const { flow, environment } of rows) {
        primer.environment.prime(environment.id, environment);
        primer.flowPlace.prime(flow.id, flowWithPlace(flow, environment));
      }
      return rows.map((r) => r.flow);
    },
    count: async () => (await db.select({ n: count() }).from(flows).where(filter))[0]!.n,
  };
}

/** Flows the user is the primary owner of. */
export function flowsOwnedBy(db: Db, userId: string, environmentId?: string | null, primer?: FlowPagePrimer) {
  return flowsNewestFirst(db, and(eq(flows.primaryOwnerId, userId), inEnvironment(environmentId)), primer);
}

/**
 * Flows the user co-owns through a live grant (directly, through a group or a list) inside
 * their environment, but is not the primary owner of: those are flowsOwnedBy's.
 */
export function flowsCoOwnedBy(db: Db, userId: string, memberships: Memberships, environmentId?: string | null, primer?: FlowPagePrimer) {
  const filter = and(grantedTo(db, ownerGrants, userId, memberships), ne(flows.primaryOwnerId, userId), inEnvironment(environmentId));
  return flowsNewestFirst(db, filter, primer);
}

/** Flows shared with the user run-only through a live grant, inside their environment. */
export function flowsRunnableBy(db: Db, userId: string, memberships: Memberships, environmentId?: string | null, primer?: FlowPagePrimer) {
  const filter = and(grantedTo(db, runOnlyGrants, userId, memberships), inEnvironment(environmentId));
  return flowsNewestFirst(db, filter, primer);
}

// ------------------------------------------------------------------ a flow's definition

export type ReferenceRow = typeof connectionReferences.$inferSelect;
export type ActionRow = typeof flowActions.$inferSelect;
export type Definition = { references: ReferenceRow[]; actions: ActionRow[] };

/**
 * Flows' connection references and actions, each in position order, in one statement (UNION
 * ALL, a row each, with a discriminator); every flow id has an entry.
 */
export async function loadDefinitionsOf(db: Db, flowIds: readonly string[]): Promise<Map<string, Definition>> {
  const out = new Map<string, Definition>(flowIds.map((id) => [id, { references: [], actions: [] }]));
  if (flowIds.length === 0) return out;
  const ids = [...new Set(flowIds)];
  const r = connectionReferences;
  const a = flowActions;
  // Literals and typed nulls, not parameters: a parameter's type is unknown inside a UNION.
  const rows = await db
    .select({
      isReference: sql<boolean>`true`.as('is_reference'),
      flowId: r.flowId,
      position: r.position,
      id: sql<string | null>`${r.id}`.as('id'),
      connectionId: sql<string | null>`${r.connectionId}`.as('connection_id'),
      runOnlySource: sql<ReferenceRow['runOnlySource'] | null>`${r.runOnlySource}`.as('run_only_source'),
      name: sql<string | null>`null::text`.as('name'),
      connectionReferenceId: sql<string | null>`null::uuid`.as('connection_reference_id'),
    })
    .from(r)
    .where(inArray(r.flowId, ids))
    .unionAll(
      db
        .select({
          isReference: sql<boolean>`false`.as('is_reference'),
          flowId: a.flowId,
          position: a.position,
          id: sql<string | null>`null::uuid`.as('id'),
          connectionId: sql<string | null>`null::uuid`.as('connection_id'),
          runOnlySource: sql<ReferenceRow['runOnlySource'] | null>`null::connection_source`.as('run_only_source'),
          name: sql<string | null>`${a.name}`.as('name'),
          connectionReferenceId: sql<string | null>`${a.connectionReferenceId}`.as('connection_reference_id'),
        })
        .from(a)
        .where(inArray(a.flowId, ids)),
    )
    .orderBy(asc(sql`position`));
  for (const row of rows) {
    const definition = out.get(row.flowId)!;
    if (row.isReference) {
      definition.references.push({ id: row.id!, flowId: row.flowId, connectionId: row.connectionId!, runOnlySource: row.runOnlySource!, position: row.position });
    } else {
      definition.actions.push({ flowId: row.flowId, position: row.position, name: row.name!, connectionReferenceId: row.connectionReferenceId });
    }
  }
  return out;
}
