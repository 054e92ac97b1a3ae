// Per-request DataLoaders: every relation a resolver follows is batched, so a page of N
// flows costs the same number of statements as a page of one. The flow loader decides the
// viewer's access with the facts loader the use cases use (src/sharing/access.ts), so a flow
// reads the same to a query as to a mutation. The request context instantiates these.
//
// Fewer, wider statements: grants of both kinds come in one, a flow's references and actions
// in one, connections with their connectors, and users, groups and lists in one that waits
// until every other batch has answered (src/reads/batching.ts), so the principals, creators,
// "added by" users and connection owners of a whole page share it. A page of flows primes
// the environments and the flows' own facts (src/reads/flows.ts), and sign-in the viewer's
// memberships and roles (src/graphql/context.ts): myFlows in depth is 6 statements.
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import {
  type connections,
  connectors,
  dlpClassifications,
  environments,
  flowCopies,
  flowRuns,
  type groups,
  runFailures,
  type sharePointLists,
  tenants,
  connectionReferences,
} from '../db/tables.js';
import type { EnvironmentRole } from '../policy/access.js';
import {
  decideAccess,
  loadEnvironmentRolesOf,
  loadFlowPlaces,
  loadMembershipsOf,
  type FlowFacts,
  type FlowWithAccess,
  type FlowGrants,
  type Memberships,
  type UserRow,
} from '../sharing/access.js';
import { BatchTracker, byId, grouped, Loader, trackedLoader } from './batching.js';
import { connectionsWithConnectors } from './connections.js';
import { loadDirectoryObjects, type DirectoryKey, type DirectoryRow } from './directory.js';
import { loadGrantsOf } from './grants.js';
import { loadDefinitionsOf, type ActionRow, type Definition, type ReferenceRow } from './flows.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
export type TenantRow = Row<typeof tenants>;
export type GroupRow = Row<typeof groups>;
export type ListRow = Row<typeof sharePointLists>;
export type EnvironmentRow = Row<typeof environments>;
export type ConnectorRow = Row<typeof connectors>;
export type ConnectionRow = Row<typeof connections>;
export type ClassificationRow = Row<typeof dlpClassifications>;
export type { ActionRow, ReferenceRow };

/** What sign-in read about the viewer besides their row (src/reads/directory.ts userByExternalId). */
export type ViewerFacts = { memberships: Memberships; roles: ReadonlyMap<string, EnvironmentRole | null> };

/**
 * The loaders whose rows read the same to every viewer. A request makes its own; the
 * subscribers of one live event share one set (sharedForEvent), so an event delivered to
 * thousands of subscribers reads each row, each flow's facts, and everyone's memberships
 * and roles in a few batched statements, not a few per subscriber.
 */
export function createSharedLoaders(db: Db) {
  const tracker = new BatchTracker();
  // Every loader that runs SQL alone is tracked: the directory loader waits for them.
  const rows = <T extends { id: string }>(load: (ids: string[]) => Promise<T[]>) => byId(load, tracker);

  /** Users, groups and lists: one statement once every other batch has answered. */
  const directory = new Loader<DirectoryKey, DirectoryRow | null>(
    async (keys) => {
      const found = await loadDirectoryObjects(db, keys);
      return keys.map((k) => found.get(k) ?? null);
    },
    { batchScheduleFn: tracker.afterOthers, maxBatchSize: MAX_BATCH },
  );
  const ofDirectory = <T extends DirectoryRow>(kind: 'U' | 'G' | 'L') =>
    new Loader<string, T | null>(
      async (ids) => directory.loadMany(ids.map((id) => `${kind}${id}` as const)) as Promise<(T | null | Error)[]>,
    );

  const connector = rows((ids) => db.select().from(connectors).where(inArray(connectors.id, ids)));
  const definitionOf = trackedLoader(tracker, async (flowIds: readonly string[]) => {
    const found = await loadDefinitionsOf(db, flowIds);
    return flowIds.map((id) => found.get(id)!);
  });
  const ofDefinition = <T>(part: (d: Definition) => T[]) =>
    new Loader<string, T[]>(async (flowIds) => (await definitionOf.loadMany(flowIds)).map((d) => (d instanceof Error ? d : part(d))));

  /** A flow's row with its environment's tenant, security group and name. A page of flows primes it. */
  const flowPlace = trackedLoader(tracker, async (flowIds: readonly string[]) => {
    const found = await loadFlowPlaces(db, flowIds);
    return flowIds.map((id) => found.get(id) ?? null);
  });
  /** A flow's owner and run-only grants. */
  const grantsOfFlow = trackedLoader(tracker, async (flowIds: readonly string[]): Promise<FlowGrants[]> => {
    const found = await loadGrantsOf(db, flowIds);
    return flowIds.map((id) => found.get(id)!);
  });

  return {
    tenant: rows((ids) => db.select().from(tenants).where(inArray(tenants.id, ids))),
    user: ofDirectory<UserRow>('U'),
    group: ofDirectory<GroupRow>('G'),
    list: ofDirectory<ListRow>('L'),
    directory,
    environment: rows((ids) => db.select().from(environments).where(inArray(environments.id, ids))),
    connector,
    connection: rows(async (ids) => {
      const found = await connectionsWithConnectors(db, ids);
      for (const r of found) connector.prime(r.connector.id, r.connector);
      return found.map((r) => r.connection);
    }),
    run: rows((ids) => db.select().from(flowRuns).where(inArray(flowRuns.id, ids))),
    failuresOfRun: grouped(
      (f: typeof runFailures.$inferSelect) => f.runId,
      (runIds) => db.select().from(runFailures).where(inArray(runFailures.runId, runIds)).orderBy(asc(runFailures.position)),
      tracker,
    ),
    copy: rows((ids) => db.select().from(flowCopies).where(inArray(flowCopies.id, ids))),
    reference: rows((ids) => db.select().from(connectionReferences).where(inArray(connectionReferences.id, ids))),
    /** A flow's references and actions, in position order: one statement for both. */
    definitionOf,
    referencesOfFlow: ofDefinition<ReferenceRow>((d) => d.references),
    actionsOfFlow: ofDefinition<ActionRow>((d) => d.actions),
    dlpOfEnvironment: grouped(
      (c: ClassificationRow) => c.environmentId,
      (environmentIds) => db.select().from(dlpClassifications).where(inArray(dlpClassifications.environmentId, environmentIds)),
      tracker,
    ),
    flowPlace,
    grantsOfFlow,
    /** Flows with their grants and place: what every viewer's access is decided on. */
    flowFacts: new Loader<string, FlowFacts | null>(async (flowIds) => {
      const [places, grants] = await Promise.all([flowPlace.nowMany(flowIds), grantsOfFlow.nowMany(flowIds)]);
      return flowIds.map((_, i) => {
        const [flow, granted] = [places[i], grants[i]];
        if (flow instanceof Error) return flow;
        if (granted instanceof Error) return granted;
        return flow ? { flow, ...granted! } : null;
      });
    }),
    /** Users' groups and the lists they edit. */
    membershipsOf: trackedLoader(
      tracker,
      async (userIds: readonly string[]) => {
        const found = await loadMembershipsOf(db, userIds);
        return userIds.map((id) => found.get(id)!);
      },
      MAX_BATCH,
    ),
    /** A user's role in an environment, by `userId environmentId`. */
    roleOf: trackedLoader(
      tracker,
      async (keys: readonly string[]) => {
        const pairs = keys.map((k) => k.split(' ') as [string, string]);
        const roles = await loadEnvironmentRolesOf(
          db,
          pairs.map(([u]) => u),
          [...new Set(pairs.map(([, e]) => e))],
        );
        return pairs.map(([u, e]) => roles.get(u)?.get(e) ?? null);
      },
      MAX_BATCH,
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
  if (!shared) {
    shared = createSharedLoaders(db);
    sharedByEvent.set(event, shared);
  }
  return shared;
}

/**
 * The viewer's loaders over `shared`. `known`: what sign-in read about the viewer in this
 * request (their memberships and roles), so those are not read again.
 */
export function createLoaders(db: Db, viewer: UserRow | null, shared: SharedLoaders = createSharedLoaders(db), known?: ViewerFacts) {
  if (viewer && known) shared.membershipsOf.prime(viewer.id, known.memberships);
  const environmentRole = new Loader<string, EnvironmentRole | null>(async (environmentIds) => {
    if (!viewer) return environmentIds.map(() => null);
    if (known) return environmentIds.map((id) => known.roles.get(id) ?? null);
    return shared.roleOf.loadMany(environmentIds.map((id) => `${viewer.id} ${id}`));
  });
  const viewerMemberships = () => shared.membershipsOf.load(viewer!.id);

  return {
    ...shared,
    environmentRole,
    /** The viewer's groups and the lists they edit, once per request. */
    memberships: viewerMemberships,
    /** A flow with the viewer's access to it; null if it doesn't exist or there is no viewer. */
    flow: new Loader<string, FlowWithAccess | null>(async (flowIds) => {
      if (!viewer) return flowIds.map(() => null);
      const facts = await shared.flowFacts.nowMany(flowIds);
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
