// A suspended flow that can run again (it has an active owner, and DLP allows it) is resumed:
// OFF, no suspension reason, and FLOW_RESUMED to its owners and its environment's admins. It
// is not turned on: its owners decide that (setFlowState), as the contract says.
// Called in the transaction of the change that made it runnable (an owner added, a new primary
// owner, a relaxed DLP policy, a departed owner back), with the flows already locked by that change.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/open.js';
import { flows } from '../db/tables.js';
import { appendEvents, flowEvent, type NewSharingEvent } from '../events/log.js';
import { isGrantActive } from '../policy/access.js';
import { dlpViolation } from '../policy/dlp.js';
import { classifiedConnectors } from '../reads/dlp.js';
import { loadFlowFacts, type FlowRow } from './access.js';
import { flowsOwnedInAnyWayBy, flowsWithActiveOwner } from './departures.js';
import { lockEnvironments, lockFlows } from './locks.js';
import { environmentAdmins } from './environments.js';
import { ownersOf } from './principals.js';

export async function resumeRunnableFlows(
  tx: Tx,
  flowIds: readonly string[],
  /** Who resumed each flow, given its owners (an admin acting on a flow they own acts as OWNER, S25). */
  actor: (owners: ReadonlySet<string>) => { id: string | null; level: NewSharingEvent['actorRole'] },
): Promise<{ resumed: FlowRow[]; lastPosition: number | null }> {
  const suspended = [...(await loadFlowFacts(tx, flowIds)).values()].filter((f) => f.flow.state === 'SUSPENDED');
  if (suspended.length === 0) return { resumed: [], lastPosition: null };
  const connectorsOf = await classifiedConnectors(
    tx,
    inArray(
      flows.id,
      suspended.map((f) => f.flow.id),
    ),
  );
  const allowed = suspended.filter((f) => dlpViolation(connectorsOf.get(f.flow.id) ?? []) === null);
  const owned = await flowsWithActiveOwner(tx, allowed);
  const runnable = allowed.filter((f) => owned.has(f.flow.id));
  if (runnable.length === 0) return { resumed: [], lastPosition: null };

  const resumed = await tx
    .update(flows)
    .set({ state: 'OFF', suspensionReason: null, modifiedAt: new Date() })
    .where(
      inArray(
        flows.id,
        runnable.map((f) => f.flow.id),
      ),
    )
    .returning();
  const admins = await environmentAdmins(tx, [...new Set(runnable.map((f) => f.flow.environmentId))]);
  const now = new Date();
  const events = [];
  for (const f of runnable) {
    const owners = await ownersOf(
      tx,
      f.flow,
      f.ownerGrants.filter((g) => isGrantActive(g, now)),
    );
    events.push({ event: flowEvent('FLOW_RESUMED', f.flow, actor(owners)), recipients: [...owners, ...admins.get(f.flow.environmentId)!] });
  }
  return { resumed, lastPosition: await appendEvents(tx, events) };
}

/**
 * Flows suspended for want of an active owner that the users (back from departure) or the groups
 * (given members) own in any way: those with an active owner again are resumed (resume.ts, FLOW_RESUMED),
 * the directory as the actor. Runs in the directory change's transaction, after its writes.
 */
const OWNERS_PER_QUERY = 1_000;

export async function resumeFlowsRegainingOwners(
  tx: Tx,
  owners: { userIds?: readonly string[]; groupIds?: readonly string[] },
): Promise<{ resumedFlowIds: string[] }> {
  const suspended = and(eq(flows.state, 'SUSPENDED'), eq(flows.suspensionReason, 'NO_ACTIVE_OWNER'))!;
  const userIds = [...(owners.userIds ?? [])];
  const groupIds = [...(owners.groupIds ?? [])];
  // In slices: an import names every group of its file, and one statement takes at most 65,535 parameters.
  const found = new Map<string, { id: string; environmentId: string }>();
  for (let i = 0; i < Math.max(userIds.length, groupIds.length); i += OWNERS_PER_QUERY) {
    const slice = { userIds: userIds.slice(i, i + OWNERS_PER_QUERY), groupIds: groupIds.slice(i, i + OWNERS_PER_QUERY) };
    for (const flow of await flowsOwnedInAnyWayBy(tx, slice, suspended)) found.set(flow.id, flow);
  }
  const orphaned = [...found.values()];
  if (orphaned.length === 0) return { resumedFlowIds: [] };
  // Their environments, then the flows: the lock order of src/sharing/locks.ts.
  await lockEnvironments(
    tx,
    orphaned.map((f) => f.environmentId),
    'share',
  );
  // Locked only: resumeRunnableFlows reads their facts.
  await lockFlows(
    tx,
    orphaned.map((f) => f.id),
    'update',
  );
  const { resumed } = await resumeRunnableFlows(
    tx,
    orphaned.map((f) => f.id),
    () => ({ id: null, level: 'NONE' }),
  );
  return { resumedFlowIds: resumed.map((f) => f.id) };
}
