// Users who leave (S17): their connections go to ERROR; a flow left with no active owner is
// suspended (NO_ACTIVE_OWNER) and its environment's admins are told (FLOW_SUSPENDED).
// Runs on the directory import's transaction, so a departure and its effects are one change.
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Tx } from '../db/open.js';
import { connections, flows, groupMembers, listEditors, ownerGrants, users } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { isGrantActive } from '../policy/access.js';
import { loadFlowFacts, type FlowFacts } from './access.js';
import { environmentAdmins } from './environments.js';
import { lockEnvironments } from './locks.js';
import { ownersOf } from './principals.js';

/** Does any owner of the flow (its primary owner, or a user behind a live grant) remain active? */
export async function hasActiveOwner(tx: Tx, facts: FlowFacts): Promise<boolean> {
  const now = new Date();
  const owners = await ownersOf(tx, facts.flow, facts.ownerGrants.filter((g) => isGrantActive(g, now)));
  const [active] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...owners]), eq(users.status, 'ACTIVE')))
    .limit(1);
  return active !== undefined;
}

export async function applyDepartures(tx: Tx, departedUserIds: string[]): Promise<{ suspendedFlowIds: string[] }> {
  if (departedUserIds.length === 0) return { suspendedFlowIds: [] };
  await tx.update(connections).set({ status: 'ERROR' }).where(inArray(connections.ownerId, departedUserIds));

  // Flows they owned in any way: as primary owner, directly, through a group or a list.
  const theirGroups = tx.select({ id: groupMembers.groupId }).from(groupMembers).where(inArray(groupMembers.userId, departedUserIds));
  const theirLists = tx
    .select({ id: listEditors.listId })
    .from(listEditors)
    .where(or(inArray(listEditors.userId, departedUserIds), inArray(listEditors.groupId, theirGroups)));
  const owned = await tx
    .selectDistinct({ id: flows.id, environmentId: flows.environmentId })
    .from(flows)
    .leftJoin(ownerGrants, eq(ownerGrants.flowId, flows.id))
    .where(
      and(
        ne(flows.state, 'SUSPENDED'),
        or(
          inArray(flows.primaryOwnerId, departedUserIds),
          inArray(ownerGrants.userId, departedUserIds),
          inArray(ownerGrants.groupId, theirGroups),
          inArray(ownerGrants.listId, theirLists),
        ),
      ),
    );
  // Their environments, then the flows: the lock order of src/sharing/locks.ts.
  await lockEnvironments(tx, owned.map((f) => f.environmentId), 'share');
  const facts = await loadFlowFacts(tx, owned.map((f) => f.id), true);
  const orphans: FlowFacts[] = [];
  for (const f of facts.values()) if (!(await hasActiveOwner(tx, f))) orphans.push(f);
  if (orphans.length === 0) return { suspendedFlowIds: [] };

  await tx
    .update(flows)
    .set({ state: 'SUSPENDED', suspensionReason: 'NO_ACTIVE_OWNER', modifiedAt: new Date() })
    .where(inArray(flows.id, orphans.map((f) => f.flow.id)));
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
