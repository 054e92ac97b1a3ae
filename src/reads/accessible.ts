// accessibleFlows (issue 14): every flow a user can reach, and how. Who may ask, and about
// which environments, is policy/accessible.ts's; the user's access to each flow is the one
// access decision (decideAccess), made by loaders created for that user over the request's
// shared ones, so a page costs the same few statements whatever its size.
import { and, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { environments, environmentUsers, flows, ownerGrants, runOnlyGrants, users } from '../db/tables.js';
import { noAccess, type EnvironmentRole, type FlowAccess } from '../policy/access.js';
import { accessibleFlowsScope, type AccessibleFlowsScope } from '../policy/accessible.js';
import { flowWithPlace, type FlowRow, type Memberships, type UserRow } from '../sharing/access.js';
import { userFactsColumns } from './directory.js';
import { createLoaders, type Loaders } from './loaders.js';
import { keysetQuery, type KeysetList } from './pagination.js';
import { grantReaches, liveGrant } from './visibility.js';

/** The user asked about, as their access is decided on, and what the viewer administers. */
type Subject = { user: UserRow; memberships: Memberships; roles: Map<string, EnvironmentRole | null>; administeredByViewer: Set<string> };

/**
 * One statement: the user `userId` with their groups, lists and roles (as sign-in reads the
 * viewer's: src/reads/directory.ts userByExternalId), and the environments of the viewer's
 * tenant the viewer administers. Undefined when no user has that id.
 */
async function loadSubject(db: Db, viewer: UserRow, userId: string): Promise<Subject | undefined> {
  const [row] = await db
    .select({
      user: users,
      ...userFactsColumns,
      administeredByViewer: sql<string[]>`coalesce((select json_agg(eu.environment_id) from environment_users eu
        join environments e on e.id = eu.environment_id
        where eu.user_id = ${viewer.id} and eu.role = 'ENVIRONMENT_ADMIN' and e.tenant_id = ${viewer.tenantId}), '[]'::json)`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return undefined;
  return {
    user: row.user,
    memberships: { groupIds: new Set(row.groupIds), listIds: new Set(row.listIds) },
    roles: new Map(Object.entries(row.roles)),
    administeredByViewer: new Set(row.administeredByViewer),
  };
}

/**
 * The flows `user` reaches in `scope`, inert or not: those they are primary owner of, those
 * with a live owner or run-only grant reaching them (directly, through a group or a list: S19
 * and visibility.ts's grantReaches), and every flow of an environment they administer. Grants
 * left inert by a security group (S16) count here: the access decision says they are blocked.
 */
function reachableBy(db: Db, user: UserRow, memberships: Memberships, scope: AccessibleFlowsScope): SQL {
  const granted = (table: typeof ownerGrants | typeof runOnlyGrants) =>
    inArray(
      flows.id,
      db
        .select({ id: table.flowId })
        .from(table)
        .where(and(grantReaches(table, user.id, memberships), liveGrant(table))),
    );
  const administered = inArray(
    flows.environmentId,
    db
      .select({ id: environmentUsers.environmentId })
      .from(environmentUsers)
      .where(and(eq(environmentUsers.userId, user.id), eq(environmentUsers.role, 'ENVIRONMENT_ADMIN'))),
  );
  return and(
    eq(environments.tenantId, user.tenantId),
    scope.environmentIds ? inArray(flows.environmentId, [...scope.environmentIds]) : undefined,
    or(eq(flows.primaryOwnerId, user.id), granted(ownerGrants), granted(runOnlyGrants), administered),
  )!;
}

/** What a page of flows hands the viewer's loaders: their environments and places. */
type Primer = Pick<Loaders, 'environment' | 'flowPlace'>;

/** Flows matching `filter` (over flows joined to their environments), newest first, ties by id. */
function newestFirst(db: Db, filter: SQL, primer: Primer): KeysetList<FlowRow> {
  return {
    keyOf: (flow) => ({ at: flow.createdAt, id: flow.id }),
    page: async (page) => {
      const { where, orderBy } = keysetQuery(page, flows.createdAt, flows.id);
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
    count: async () =>
      (await db.select({ n: count() }).from(flows).innerJoin(environments, eq(environments.id, flows.environmentId)).where(filter))[0]!.n,
  };
}

export type AccessibleFlows = {
  /** The flows, as the viewer's loaders see them. */
  flows: KeysetList<FlowRow>;
  /** The asked-about user's access to a flow of the list (batched across a page). */
  accessOf: (flowId: string) => Promise<FlowAccess>;
};

/**
 * The flows user `userId` reaches, for `viewer` (NOT_FOUND / NOT_AUTHORIZED as
 * policy/accessible.ts decides). `loaders`: the viewer's; the user's own are made over the
 * same shared loaders, so each flow's facts are read once for both.
 */
export async function accessibleFlows(
  db: Db,
  viewer: UserRow,
  loaders: Loaders,
  input: { userId: string; environmentId?: string | null },
): Promise<AccessibleFlows> {
  const [subject, environment] = await Promise.all([
    loadSubject(db, viewer, input.userId),
    input.environmentId ? loaders.environment.load(input.environmentId) : undefined,
  ]);
  const scope = accessibleFlowsScope({
    viewer,
    target: subject?.user ?? null,
    environment,
    administeredByViewer: subject?.administeredByViewer ?? new Set(),
  });
  const { user, memberships, roles } = subject!;
  loaders.user.prime(user.id, user);
  const theirs = createLoaders(db, user, loaders, { memberships, roles });
  return {
    flows: newestFirst(db, reachableBy(db, user, memberships, scope), loaders),
    accessOf: async (flowId) => (await theirs.flow.load(flowId))?.access ?? noAccess,
  };
}
