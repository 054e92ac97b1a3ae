// Users who leave (S17): their connections go to ERROR; a flow left with no active owner is
// suspended (NO_ACTIVE_OWNER) and its environment's admins are told (FLOW_SUSPENDED); the owners
// of each flow using one of their connections are told it needs attention (CONNECTION_NEEDS_ATTENTION).
// Runs in the directory change's transaction (import or SCIM), so a departure and its effects are one change.
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/open.js';
import { connectionReferences, connections, flows, groupMembers, listEditors, ownerGrants, users } from '../db/tables.js';
import { appendEvents, flowEvent, type NewSharingEvent } from '../events/log.js';
import { isGrantActive } from '../policy/access.js';
import { loadFlowFacts, type FlowFacts } from './access.js';
import { environmentAdmins } from './environments.js';
import { lockEnvironments } from './locks.js';
import { ownersOfEach } from './principals.js';

/** Does any owner of the flow (its primary owner, or a user behind a live grant) remain active? */
export async function hasActiveOwner(tx: Tx, facts: FlowFacts): Promise<boolean> {
  return (await flowsWithActiveOwner(tx, [facts])).has(facts.flow.id);
}

/** hasActiveOwner for many flows: three statements at most, whatever their number. */
export async function flowsWithActiveOwner(tx: Tx, candidates: readonly FlowFacts[]): Promise<Set<string>> {
  const owners = await activeOwnersOf(tx, candidates);
  return new Set(candidates.filter((f) => owners.get(f.flow.id)!.size > 0).map((f) => f.flow.id));
}

/** Each flow's owners (primary, and behind live owner grants) who are active, by flow id. */
async function activeOwnersOf(tx: Tx, candidates: readonly FlowFacts[]): Promise<Map<string, Set<string>>> {
  if (candidates.length === 0) return new Map();
  const now = new Date();
  const owners = await ownersOfEach(
    tx,
    candidates.map((f) => ({ flow: f.flow, grants: f.ownerGrants.filter((g) => isGrantActive(g, now)) })),
  );
  const everyone = [...new Set([...owners.values()].flatMap((users) => [...users]))];
  const active = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, everyone), eq(users.status, 'ACTIVE')))
    ).map((u) => u.id),
  );
  return new Map([...owners].map(([flowId, users]) => [flowId, new Set([...users].filter((u) => active.has(u)))]));
}

/**
 * Flows the users own in any way (as primary owner, directly, through a group or a list), or
 * that the groups own directly or through a list they edit, among those matching `where`.
 */
export async function flowsOwnedInAnyWayBy(
  tx: Tx,
  owners: { userIds?: readonly string[]; groupIds?: readonly string[] },
  where: SQL,
): Promise<{ id: string; environmentId: string }[]> {
  const userIds = [...(owners.userIds ?? [])];
  const groupIds = [...(owners.groupIds ?? [])];
  if (userIds.length === 0 && groupIds.length === 0) return [];
  // An empty list matches nothing (drizzle's inArray of [] is `false`).
  const groupsOfUsers = tx.select({ id: groupMembers.groupId }).from(groupMembers).where(inArray(groupMembers.userId, userIds));
  const theirLists = tx
    .select({ id: listEditors.listId })
    .from(listEditors)
    .where(or(inArray(listEditors.userId, userIds), inArray(listEditors.groupId, groupsOfUsers), inArray(listEditors.groupId, groupIds)));
  return tx
    .selectDistinct({ id: flows.id, environmentId: flows.environmentId })
    .from(flows)
    .leftJoin(ownerGrants, eq(ownerGrants.flowId, flows.id))
    .where(
      and(
        where,
        or(
          inArray(flows.primaryOwnerId, userIds),
          inArray(ownerGrants.userId, userIds),
          inArray(ownerGrants.groupId, groupsOfUsers),
          inArray(ownerGrants.groupId, groupIds),
          inArray(ownerGrants.listId, theirLists),
        ),
      ),
    );
}

export async function applyDepartures(tx: Tx, departedUserIds: string[]): Promise<{ suspendedFlowIds: string[] }> {
  if (departedUserIds.length === 0) return { suspendedFlowIds: [] };
  const broken = await tx
    .update(connections)
    .set({ status: 'ERROR' })
    .where(inArray(connections.ownerId, departedUserIds))
    .returning({ id: connections.id });

  const owned = await flowsOwnedInAnyWayBy(tx, { userIds: departedUserIds }, ne(flows.state, 'SUSPENDED'));
  // Flows whose references hold one of their connections, which stopped working just now.
  const brokenUses =
    broken.length === 0
      ? []
      : await tx
          .selectDistinct({ flowId: flows.id, environmentId: flows.environmentId, connectionId: connectionReferences.connectionId })
          .from(connectionReferences)
          .innerJoin(flows, eq(flows.id, connectionReferences.flowId))
          .where(
            inArray(
              connectionReferences.connectionId,
              broken.map((c) => c.id),
            ),
          )
          .orderBy(flows.id, connectionReferences.connectionId);
  // Their environments, then the flows: the lock order of src/sharing/locks.ts.
  await lockEnvironments(
    tx,
    [...owned, ...brokenUses].map((f) => f.environmentId),
    'share',
  );
  const facts = await loadFlowFacts(tx, [...new Set([...owned.map((f) => f.id), ...brokenUses.map((u) => u.flowId)])], true);

  await appendEvents(tx, await connectionEvents(tx, brokenUses, facts));
  return suspendOrphans(
    tx,
    owned.map((f) => facts.get(f.id)!),
  );
}

/**
 * Suspends those of the flows (locked by the caller, with their environments) left with no
 * active owner (NO_ACTIVE_OWNER) and tells their environments' admins (FLOW_SUSPENDED).
 */
export async function suspendOrphans(tx: Tx, candidates: FlowFacts[]): Promise<{ suspendedFlowIds: string[] }> {
  const unsuspended = candidates.filter((f) => f.flow.state !== 'SUSPENDED');
  const owned = await flowsWithActiveOwner(tx, unsuspended);
  const orphans = unsuspended.filter((f) => !owned.has(f.flow.id));
  if (orphans.length === 0) return { suspendedFlowIds: [] };

  await tx
    .update(flows)
    .set({ state: 'SUSPENDED', suspensionReason: 'NO_ACTIVE_OWNER', modifiedAt: new Date() })
    .where(
      inArray(
        flows.id,
        orphans.map((f) => f.flow.id),
      ),
    );
  const admins = await environmentAdmins(tx, [...new Set(orphans.map((f) => f.flow.environmentId))]);
  await appendEvents(
    tx,
    orphans.map(({ flow }) => ({
      // The directory did it, not a person: no actor.
      event: flowEvent('FLOW_SUSPENDED', flow, { id: null, level: 'NONE' }),
      recipients: admins.get(flow.environmentId)!,
    })),
  );
  return { suspendedFlowIds: orphans.map((f) => f.flow.id) };
}

/**
 * CONNECTION_NEEDS_ATTENTION, one per flow and broken connection, to the flow's owners who are
 * still active (a flow whose owners all left has it in its environment's log, for its admins).
 */
async function connectionEvents(
  tx: Tx,
  uses: { flowId: string; connectionId: string }[],
  facts: Map<string, FlowFacts>,
): Promise<{ event: NewSharingEvent; recipients: Iterable<string> }[]> {
  if (uses.length === 0) return [];
  const ownersByFlow = await activeOwnersOf(
    tx,
    [...new Set(uses.map((u) => u.flowId))].map((id) => facts.get(id)!),
  );
  return uses.map(({ flowId, connectionId }) => ({
    event: flowEvent('CONNECTION_NEEDS_ATTENTION', facts.get(flowId)!.flow, { id: null, level: 'NONE' }, { connectionId }),
    recipients: ownersByFlow.get(flowId)!,
  }));
}
