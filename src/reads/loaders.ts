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
  loadEnvironmentRolesOf,
  loadFlowFacts,
  loadMembershipsOf,
  type FlowFacts,
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

/**
 * The loaders whose rows read the same to every viewer. A request makes its own; the
 * subscribers of one live event share one set (sharedForEvent), so an event delivered to
 * thousands of subscribers reads each row, each flow's facts, and everyone's memberships
 * and roles in a few batched statements, not a few per subscriber.
 */
export function createSharedLoaders(db: Db) {
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
    /** Flows with their grants and place: what every viewer's access is decided on. */
    flowFacts: new DataLoader<string, FlowFacts | null>(async (flowIds) => {
      const facts = await loadFlowFacts(db, flowIds);
      return flowIds.map((id) => facts.get(id) ?? null);
    }),
    /** Users' groups and the lists they edit. */
    membershipsOf: new DataLoader<string, Memberships>(
      async (userIds) => {
        const found = await loadMembershipsOf(db, userIds);
        return userIds.map((id) => found.get(id)!);
      },
      { maxBatchSize: MAX_BATCH },
    ),
    /** A user's role in an environment, by `userId environmentId`. */
    roleOf: new DataLoader<string, EnvironmentRole | null>(
      async (keys) => {
        const pairs = keys.map((k) => k.split(' ') as [string, string]);
        const roles = await loadEnvironmentRolesOf(db, pairs.map(([u]) => u), [...new Set(pairs.map(([, e]) => e))]);
        return pairs.map(([u, e]) => roles.get(u)?.get(e) ?? null);
      },
      { maxBatchSize: MAX_BATCH },
    ),
  };
}

export type SharedLoaders = ReturnType<typeof createSharedLoaders>;

// Keys per statement for the loaders keyed by user: far below PostgreSQL's 65,535 parameters.
const MAX_BATCH = 1000;

const sharedByEvent = new WeakMap<object, SharedLoaders>();

/** The shared loaders of one live event, made by its first subscriber, gone with the event. */
export function sharedForEvent(event: object, db: Db): SharedLoaders {
  let shared = sharedByEvent.get(event);
  if (!shared) sharedByEvent.set(event, (shared = createSharedLoaders(db)));
  return shared;
}

export function createLoaders(db: Db, viewer: UserRow | null, shared: SharedLoaders = createSharedLoaders(db)) {
  const environmentRole = new DataLoader<string, EnvironmentRole | null>(async (environmentIds) => {
    if (!viewer) return environmentIds.map(() => null);
    return shared.roleOf.loadMany(environmentIds.map((id) => `${viewer.id} ${id}`));
  });
  const viewerMemberships = () => shared.membershipsOf.load(viewer!.id);

  return {
    ...shared,
    environmentRole,
    /** The viewer's groups and the lists they edit, once per request. */
    memberships: viewerMemberships,
    /** A flow with the viewer's access to it; null if it doesn't exist or there is no viewer. */
    flow: new DataLoader<string, FlowWithAccess | null>(async (flowIds) => {
      if (!viewer) return flowIds.map(() => null);
      const facts = await shared.flowFacts.loadMany(flowIds);
      const found = facts.filter((f): f is FlowFacts => f !== null && !(f instanceof Error));
      const environmentIds = [...new Set(found.map((f) => f.flow.environmentId))];
      const [m, roles] = await Promise.all([viewerMemberships(), environmentRole.loadMany(environmentIds)]);
      const roleOf = new Map(environmentIds.map((id, i) => [id, roles[i] instanceof Error ? null : roles[i]!]));
      const now = new Date();
      return facts.map((f) => {
        if (f instanceof Error) return f;
        if (!f) return null;
        const role = roleOf.get(f.flow.environmentId) ?? null;
        return { ...f, role, access: decideAccess(viewer, m, f, role, now) };
      });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
