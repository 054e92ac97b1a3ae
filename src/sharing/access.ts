// Loads the facts that policy/access.ts decides on, for many flows in a few queries.
// Both the use cases (inside their transaction) and the GraphQL loaders use it.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { environments, environmentUsers, flows, groupMembers, listEditors } from '../db/tables.js';
import { loadGrantsOf } from '../reads/grants.js';
import { lockEnvironment, lockFlows, type RowLock } from './locks.js';
import { flowAccess, type EnvironmentRole, type FlowAccess, type Grant } from '../policy/access.js';

export type UserRow = typeof import('../db/tables.js').users.$inferSelect;
export type FlowRow = typeof flows.$inferSelect;
export type FlowWithPlace = FlowRow & { tenantId: string; securityGroupId: string | null; environmentName: string };
export type Memberships = { groupIds: ReadonlySet<string>; listIds: ReadonlySet<string> };

/** Groups a user is in, and SharePoint lists they edit directly or through a group. */
export async function loadMemberships(db: Db, userId: string): Promise<Memberships> {
  return (await loadMembershipsOf(db, [userId])).get(userId)!;
}

/** loadMemberships for many users at once, in three statements whatever their number. */
export async function loadMembershipsOf(db: Db, userIds: readonly string[]): Promise<Map<string, Memberships>> {
  const out = new Map(userIds.map((id) => [id, { groupIds: new Set<string>(), listIds: new Set<string>() }]));
  if (userIds.length === 0) return out;
  const ids = [...new Set(userIds)];
  const [groupRows, directLists, groupLists] = await Promise.all([
    db.select({ userId: groupMembers.userId, id: groupMembers.groupId }).from(groupMembers).where(inArray(groupMembers.userId, ids)),
    db.select({ userId: listEditors.userId, id: listEditors.listId }).from(listEditors).where(inArray(listEditors.userId, ids)),
    db
      .select({ userId: groupMembers.userId, id: listEditors.listId })
      .from(listEditors)
      .innerJoin(groupMembers, eq(groupMembers.groupId, listEditors.groupId))
      .where(inArray(groupMembers.userId, ids)),
  ]);
  for (const r of groupRows) out.get(r.userId)!.groupIds.add(r.id);
  for (const r of [...directLists, ...groupLists]) out.get(r.userId!)!.listIds.add(r.id);
  return out;
}

/** A grant as policy sees it, with who made it and when. */
export type GrantFacts = Grant & { id: string; addedById: string | null; addedAt: Date };
export type FlowFacts = { flow: FlowWithPlace; ownerGrants: GrantFacts[]; runOnlyGrants: GrantFacts[] };

/**
 * Flows with their environment's tenant and security group, and their grants. `lock` (true:
 * FOR UPDATE) locks the flows' rows first, in id order (src/sharing/locks.ts); a caller that
 * will also lock their environments must have done so before.
 */
export async function loadFlowFacts(db: Db, flowIds: readonly string[], lock: boolean | RowLock = false): Promise<Map<string, FlowFacts>> {
  const out = new Map<string, FlowFacts>();
  if (flowIds.length === 0) return out;
  // A use case that changes a flow locks its row first, so concurrent changes to one flow
  // take turns, and the grants read below are the ones committed before the lock.
  if (lock) await lockFlows(db, flowIds, lock === true ? 'update' : lock);
  const [places, grants] = await Promise.all([loadFlowPlaces(db, flowIds), loadGrantsOf(db, flowIds)]);
  for (const [id, flow] of places) out.set(id, { flow, ...grants.get(id)! });
  return out;
}

/** Flows with their environment's tenant, security group and name: one statement. */
export async function loadFlowPlaces(db: Db, flowIds: readonly string[]): Promise<Map<string, FlowWithPlace>> {
  const out = new Map<string, FlowWithPlace>();
  if (flowIds.length === 0) return out;
  const rows = await db
    .select({
      flow: flows,
      tenantId: environments.tenantId,
      securityGroupId: environments.securityGroupId,
      environmentName: environments.displayName,
    })
    .from(flows)
    .innerJoin(environments, eq(environments.id, flows.environmentId))
    .where(inArray(flows.id, [...flowIds]));
  for (const r of rows) {
    out.set(r.flow.id, { ...r.flow, tenantId: r.tenantId, securityGroupId: r.securityGroupId, environmentName: r.environmentName });
  }
  return out;
}

/** A flow as its access is decided on, from its row and its environment's. */
export function flowWithPlace(
  flow: FlowRow,
  environment: { tenantId: string; securityGroupId: string | null; displayName: string },
): FlowWithPlace {
  return {
    ...flow,
    tenantId: environment.tenantId,
    securityGroupId: environment.securityGroupId,
    environmentName: environment.displayName,
  };
}

export type FlowGrants = Pick<FlowFacts, 'ownerGrants' | 'runOnlyGrants'>;

/** The owner and run-only grants of flows, in one statement; every flow id has an entry (src/reads/grants.ts). */
export { loadGrantsOf };

/** The principal a grant row names (src/reads/grants.ts, which reads the rows). */
export { grantPrincipal } from '../reads/grants.js';

/** A user's roles in the given environments. */
export async function loadEnvironmentRoles(
  db: Db,
  userId: string,
  environmentIds: readonly string[],
): Promise<Map<string, EnvironmentRole | null>> {
  return (await loadEnvironmentRolesOf(db, [userId], environmentIds)).get(userId)!;
}

/** loadEnvironmentRoles for many users at once, in one statement: user id → environment id → role. */
export async function loadEnvironmentRolesOf(
  db: Db,
  userIds: readonly string[],
  environmentIds: readonly string[],
): Promise<Map<string, Map<string, EnvironmentRole | null>>> {
  const out = new Map(userIds.map((id) => [id, new Map<string, EnvironmentRole | null>()]));
  if (userIds.length === 0 || environmentIds.length === 0) return out;
  const rows = await db
    .select({ userId: environmentUsers.userId, environmentId: environmentUsers.environmentId, role: environmentUsers.role })
    .from(environmentUsers)
    .where(and(inArray(environmentUsers.userId, [...new Set(userIds)]), inArray(environmentUsers.environmentId, [...environmentIds])));
  for (const r of rows) out.get(r.userId)!.set(r.environmentId, r.role);
  return out;
}

export function decideAccess(
  user: UserRow,
  memberships: Memberships,
  facts: FlowFacts,
  role: EnvironmentRole | null,
  now: Date,
): FlowAccess {
  return flowAccess({
    user,
    flow: facts.flow,
    environment: { securityGroupId: facts.flow.securityGroupId, displayName: facts.flow.environmentName },
    environmentRole: role,
    groupIds: memberships.groupIds,
    listIds: memberships.listIds,
    ownerGrants: facts.ownerGrants,
    runOnlyGrants: facts.runOnlyGrants,
    now,
  });
}

export type FlowWithAccess = FlowFacts & { access: FlowAccess; role: EnvironmentRole | null };

/**
 * One flow and the user's access to it, for a use case. `lock` (true: FOR UPDATE) takes the
 * flow's row lock, after its environment's FOR SHARE (the lock order of src/sharing/locks.ts):
 * so an admin change to the environment and a change to the flow take turns without a
 * deadlock, and a flow deleted meanwhile is null (NOT_FOUND), never a half-read flow.
 */
export async function flowWithAccess(
  db: Db,
  user: UserRow,
  flowId: string,
  options: { lock?: boolean | RowLock } = {},
): Promise<FlowWithAccess | null> {
  if (options.lock) {
    const [place] = await db.select({ environmentId: flows.environmentId }).from(flows).where(eq(flows.id, flowId));
    if (!place) return null;
    await lockEnvironment(db, place.environmentId, 'share');
  }
  const facts = (await loadFlowFacts(db, [flowId], options.lock)).get(flowId);
  return facts ? { ...facts, ...(await userAccess(db, user, facts)) } : null;
}

/** Any user's access to a flow whose facts are loaded (accessFor, and the viewer's own). */
export async function userAccess(db: Db, user: UserRow, facts: FlowFacts) {
  const [memberships, roles] = await Promise.all([
    loadMemberships(db, user.id),
    loadEnvironmentRoles(db, user.id, [facts.flow.environmentId]),
  ]);
  const role = roles.get(facts.flow.environmentId) ?? null;
  return { role, access: decideAccess(user, memberships, facts, role, new Date()) };
}
