// removePrincipalFromFlows (S25): an environment admin removes a user, group or list from every
// flow of the environment, its owner and its run-only grants (expired ones too: they are what
// an audit asks to clean up), through modifyFlowOwners and modifyRunOnlyUsers, each flow's
// events written by them. A user who is a flow's primary owner can't be removed (S4): that
// flow is left as it is and listed in skippedFlows.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { flows, ownerGrants, runOnlyGrants, type connections } from '../../db/tables.js';
import type { PrincipalRef } from '../../policy/access.js';
import { isSkippedForPrimaryOwner } from '../../policy/bulk.js';
import { DomainError } from '../../policy/errors.js';
import { assertSameTenant } from '../../policy/owners.js';
import { loadFlowFacts, type FlowRow, type UserRow } from '../access.js';
import { administeredEnvironment } from '../environments.js';
import { grantsOf, key, loadPrincipals, type PrincipalInput } from '../grants.js';
import { modifyFlowOwners } from '../owners.js';
import { modifyRunOnlyUsers } from '../runonly.js';
import { boundAndLock, bulkTransaction, flowsNow, flowsShown, forFlow, type BulkOptions } from './shared.js';

export type RemovePrincipalFromFlowsResult = {
  /** Flows the principal was (or, in a dry run, would be) removed from, as they are after. */
  flows: FlowRow[];
  /** Flows the principal (a user) is primary owner of: left as they are. */
  skippedFlows: FlowRow[];
  connectionsNeedingAttention: (typeof connections.$inferSelect)[];
  dryRun: boolean;
  lastPosition: number | null;
};

export async function removePrincipalFromFlows(
  db: Db,
  viewer: UserRow,
  input: { environmentId: string; principal: PrincipalInput },
  options: BulkOptions,
): Promise<RemovePrincipalFromFlowsResult> {
  const { principal } = input;
  return bulkTransaction(db, options, async (tx) => {
    const environment = await administeredEnvironment(
      tx,
      viewer,
      input.environmentId,
      ['input', 'environmentId'],
      'remove principals from its flows',
    );
    const facts = (await loadPrincipals(tx, [principal])).get(key(principal));
    if (!facts) throw new DomainError('NOT_FOUND', 'No such user, group or list.', principal.field);
    assertSameTenant(facts, viewer, principal.field);

    const ref: PrincipalRef = { kind: principal.kind, id: principal.id };
    const grantedIn = (table: typeof ownerGrants | typeof runOnlyGrants) =>
      inArray(
        flows.id,
        tx
          .select({ id: table.flowId })
          .from(table)
          .where(grantsOf(table, [ref])),
      );
    const candidates = await tx
      .select({ id: flows.id, environmentId: flows.environmentId, primaryOwnerId: flows.primaryOwnerId })
      .from(flows)
      .where(
        and(
          eq(flows.environmentId, environment.id),
          or(grantedIn(ownerGrants), grantedIn(runOnlyGrants), ref.kind === 'USER' ? eq(flows.primaryOwnerId, ref.id) : undefined),
        ),
      );
    // Only the flows it would change count against the bound; those it skips are not touched.
    const touched = candidates.filter((c) => !isSkippedForPrimaryOwner(ref, c.primaryOwnerId));
    const locked = await boundAndLock(tx, touched, options, principal.field);

    const ids = [...locked].sort();
    const flowFacts = await loadFlowFacts(tx, ids);
    const removedFrom: string[] = [];
    const attention = new Map<string, typeof connections.$inferSelect>();
    const remove = [principal];
    for (const id of ids) {
      const { flow, ownerGrants: owners, runOnlyGrants: runners } = flowFacts.get(id)!;
      // Primary owner meanwhile (another call changed it): skipped, as if it had been so before.
      if (isSkippedForPrimaryOwner(ref, flow.primaryOwnerId)) continue;
      const holds = (grants: typeof owners) => grants.some((g) => key(g.principal) === key(ref));
      const [isOwner, isRunOnly] = [holds(owners), holds(runners)];
      if (!isOwner && !isRunOnly) continue; // removed by another call meanwhile
      removedFrom.push(flow.id);
      await forFlow(flow, options, async () => {
        if (isOwner) {
          const changed = await modifyFlowOwners(tx, viewer, { flowId: flow.id, add: [], remove, expiresAt: null });
          for (const c of changed.connectionsNeedingAttention) attention.set(c.id, c);
        }
        if (isRunOnly) {
          await modifyRunOnlyUsers(tx, viewer, { flowId: flow.id, add: [], remove, connectionSources: [], expiresAt: null });
        }
      });
    }

    const skippedIds = candidates.filter((c) => isSkippedForPrimaryOwner(ref, c.primaryOwnerId)).map((c) => c.id);
    const skippedNow = ids.filter((id) => isSkippedForPrimaryOwner(ref, flowFacts.get(id)!.flow.primaryOwnerId));
    return {
      flows: await flowsShown(tx, removedFrom, options, (id) => flowFacts.get(id)!.flow),
      // Skipped flows are not changed: as they are now, dry run or not.
      skippedFlows: await flowsNow(tx, [...skippedIds, ...skippedNow]),
      connectionsNeedingAttention: [...attention.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
      dryRun: options.dryRun,
    };
  });
}
