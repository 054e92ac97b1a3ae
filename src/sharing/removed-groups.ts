// A group the directory deletes (SCIM DELETE) takes its grants with it, in the same
// transaction, with the events the sharing mutations write when a grant is removed
// (OWNER_REMOVED / RUN_ONLY_REMOVED, about the group, to its members and the flow's owners).
// A flow left with no active owner is suspended, as when its last owner leaves (S17).
import { eq, or } from 'drizzle-orm';
import type { Tx } from '../db/open.js';
import { flows, ownerGrants, runOnlyGrants } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { isGrantActive, type PrincipalRef } from '../policy/access.js';
import { loadFlowFacts } from './access.js';
import { suspendOrphans } from './departures.js';
import { union } from './grants.js';
import { lockEnvironments } from './locks.js';
import { ownersOf, usersOf } from './principals.js';

/** Removes every owner and run-only grant of the group; returns the flows it touched. */
export async function removeGroupGrants(tx: Tx, groupId: string): Promise<{ flowIds: string[]; suspendedFlowIds: string[] }> {
  const held = await tx
    .selectDistinct({ id: flows.id, environmentId: flows.environmentId })
    .from(flows)
    .leftJoin(ownerGrants, eq(ownerGrants.flowId, flows.id))
    .leftJoin(runOnlyGrants, eq(runOnlyGrants.flowId, flows.id))
    .where(or(eq(ownerGrants.groupId, groupId), eq(runOnlyGrants.groupId, groupId)));
  if (held.length === 0) return { flowIds: [], suspendedFlowIds: [] };
  // The lock order of src/sharing/locks.ts: environments, flows, grants, the log.
  await lockEnvironments(
    tx,
    held.map((f) => f.environmentId),
    'share',
  );
  const facts = await loadFlowFacts(
    tx,
    held.map((f) => f.id),
    true,
  );

  const group: PrincipalRef = { kind: 'GROUP', id: groupId };
  const members = await usersOf(tx, [group]);
  const [ownedBy, runBy] = await Promise.all([
    tx.delete(ownerGrants).where(eq(ownerGrants.groupId, groupId)).returning({ flowId: ownerGrants.flowId }),
    tx.delete(runOnlyGrants).where(eq(runOnlyGrants.groupId, groupId)).returning({ flowId: runOnlyGrants.flowId }),
  ]);

  const now = new Date();
  const events = [];
  for (const f of facts.values()) {
    // The owners who remain, as users: the group's grant is gone.
    f.ownerGrants = f.ownerGrants.filter((g) => !(g.principal.kind === 'GROUP' && g.principal.id === groupId));
    const owners = await ownersOf(
      tx,
      f.flow,
      f.ownerGrants.filter((g) => isGrantActive(g, now)),
    );
    const about = (kind: 'OWNER_REMOVED' | 'RUN_ONLY_REMOVED') => ({
      // The directory did it, not a person: no actor.
      event: flowEvent(kind, f.flow, { id: null, level: 'NONE' }, { principal: group }),
      recipients: union(members, owners),
    });
    if (ownedBy.some((g) => g.flowId === f.flow.id)) events.push(about('OWNER_REMOVED'));
    if (runBy.some((g) => g.flowId === f.flow.id)) events.push(about('RUN_ONLY_REMOVED'));
  }
  await appendEvents(tx, events);
  const lostOwners = [...facts.values()].filter((f) => ownedBy.some((g) => g.flowId === f.flow.id));
  const { suspendedFlowIds } = await suspendOrphans(tx, lostOwners);
  return { flowIds: [...facts.keys()], suspendedFlowIds };
}
