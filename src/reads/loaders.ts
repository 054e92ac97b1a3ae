// Per-request DataLoaders: every relation a resolver follows is batched, so a page of N
// flows costs the same number of statements as a page of one. The flow loader decides the
// viewer's access with the facts loader the use cases use (src/sharing/access.ts), so a flow
// reads the same to a query as to a mutation. The request context instantiates these.
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import {
  connectionReferences,
  connections,
  connectors,
  dlpClassifications,
  environments,
  flowActions,
  flowCopies,
  flowRuns,
  groups,
  runFailures,
  sharePointLists,
  tenants,
  users,
} from '../db/tables.js';
import type { EnvironmentRole } from '../policy/access.js';
import {
  decideAccess,
  loadEnvironmentRoles,
  loadFlowFacts,
  loadMemberships,
  type FlowWithAccess,
  type Memberships,
  type UserRow,
} from '../sharing/access.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
export type TenantRow = Row<typeof tenants>;
export type GroupRow = Row<typeof groups>;
export type ListRow = Row<typeof sharePointLists>;
export type EnvironmentRow = Row<typeof environments>;
export type ConnectorRow = Row<typeof connectors>;
export type ConnectionRow = Row<typeof connections>;
export type ReferenceRow = Row<typeof connectionReferences>;
export type ActionRow = Row<typeof flowActions>;
export type ClassificationRow = Row<typeof dlpClassifications>;

/** A loader of rows by id; a missing id loads as null. */
function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load([...ids]);
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A loader of the rows that belong to each key, in the order the query gives. */
function grouped<T>(keyOf: (row: T) => string, load: (keys: string[]) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const out = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of await load([...keys])) out.get(keyOf(row))?.push(row);
    return keys.map((k) => out.get(k)!);
  });
}

export function createLoaders(db: Db, viewer: UserRow | null) {
  let memberships: Promise<Memberships> | undefined;
  const viewerMemberships = () => (memberships ??= loadMemberships(db, viewer!.id));

  const environmentRole = new DataLoader<string, EnvironmentRole | null>(async (environmentIds) => {
    if (!viewer) return environmentIds.map(() => null);
    const roles = await loadEnvironmentRoles(db, viewer.id, environmentIds);
    return environmentIds.map((id) => roles.get(id) ?? null);
  });

  return {
    tenant: byId((ids) => db.select().from(tenants).where(inArray(tenants.id, ids))),
    user: byId((ids) => db.select().from(users).where(inArray(users.id, ids))),
    group: byId((ids) => db.select().from(groups).where(inArray(groups.id, ids))),
    list: byId((ids) => db.select().from(sharePointLists).where(inArray(sharePointLists.id, ids))),
    environment: byId((ids) => db.select().from(environments).where(inArray(environments.id, ids))),
    connector: byId((ids) => db.select().from(connectors).where(inArray(connectors.id, ids))),
    connection: byId((ids) => db.select().from(connections).where(inArray(connections.id, ids))),
    run: byId((ids) => db.select().from(flowRuns).where(inArray(flowRuns.id, ids))),
    failuresOfRun: grouped(
      (f: typeof runFailures.$inferSelect) => f.runId,
      (runIds) => db.select().from(runFailures).where(inArray(runFailures.runId, runIds)).orderBy(asc(runFailures.position)),
    ),
    copy: byId((ids) => db.select().from(flowCopies).where(inArray(flowCopies.id, ids))),
    reference: byId((ids) => db.select().from(connectionReferences).where(inArray(connectionReferences.id, ids))),
    referencesOfFlow: grouped(
      (r: ReferenceRow) => r.flowId,
      (flowIds) =>
        db
          .select()
          .from(connectionReferences)
          .where(inArray(connectionReferences.flowId, flowIds))
          .orderBy(asc(connectionReferences.position)),
    ),
    actionsOfFlow: grouped(
      (a: ActionRow) => a.flowId,
      (flowIds) =>
        db.select().from(flowActions).where(inArray(flowActions.flowId, flowIds)).orderBy(asc(flowActions.position)),
    ),
    dlpOfEnvironment: grouped(
      (c: ClassificationRow) => c.environmentId,
      (environmentIds) =>
        db.select().from(dlpClassifications).where(inArray(dlpClassifications.environmentId, environmentIds)),
    ),
    environmentRole,
    /** The viewer's groups and the lists they edit, once per request. */
    memberships: viewerMemberships,
    /** A flow with the viewer's access to it; null if it doesn't exist or there is no viewer. */
    flow: new DataLoader<string, FlowWithAccess | null>(async (flowIds) => {
      if (!viewer) return flowIds.map(() => null);
      const facts = await loadFlowFacts(db, flowIds);
      const environmentIds = [...new Set([...facts.values()].map((f) => f.flow.environmentId))];
      const [m, roles] = await Promise.all([viewerMemberships(), environmentRole.loadMany(environmentIds)]);
      const roleOf = new Map(environmentIds.map((id, i) => [id, roles[i] instanceof Error ? null : roles[i]!]));
      const now = new Date();
      return flowIds.map((id) => {
        const f = facts.get(id);
        if (!f) return null;
        const role = roleOf.get(f.flow.environmentId) ?? null;
        return { ...f, role, access: decideAccess(viewer, m, f, role, now) };
      });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
