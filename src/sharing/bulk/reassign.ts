// reassignFlows (S25, the source document's "departed users"): an environment admin hands a
// user's flows over to another user in one transaction. For each flow of the environment that
// fromUser is primary owner of or holds a live direct owner grant on:
// - solution-aware and fromUser primary owner: changePrimaryOwner to toUser (S13; fromUser
//   stays a co-owner);
// - otherwise: modifyFlowOwners adds toUser as co-owner (a non-solution-aware flow can't change
//   its primary owner, S13: fromUser stays primary owner);
// - removeFromUser: modifyFlowOwners removes fromUser's direct grant, where fromUser is not
//   (or no longer) the primary owner (S4).
// Those use cases write each flow's events and resume suspended flows (FLOW_RESUMED, resume.ts).
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.js';
import { connectionReferences, connections, flows, ownerGrants } from '../../db/tables.js';
import { isGrantActive } from '../../policy/access.js';
import { assertDifferent, reassignStep } from '../../policy/bulk.js';
import { DomainError } from '../../policy/errors.js';
import { assertGrantable, assertSameTenant } from '../../policy/owners.js';
import { liveGrant } from '../../reads/visibility.js';
import { loadFlowFacts, type FlowRow, type UserRow } from '../access.js';
import { administeredEnvironment } from '../environments.js';
import { loadPrincipals, type PrincipalInput } from '../grants.js';
import { modifyFlowOwners } from '../owners.js';
import { changePrimaryOwner } from '../ownership.js';
import { boundAndLock, bulkTransaction, flowsNow, flowsShown, forFlow, type BulkOptions } from './shared.js';

export type ReassignFlowsInput = { environmentId: string; fromUserId: string; toUserId: string; removeFromUser: boolean };
export type ReassignFlowsResult = {
  /** The flows handed over, as they are after the change. */
  flows: FlowRow[];
  /** Of those, the ones that were suspended and are not any more. */
  resumedFlows: FlowRow[];
  /** Connections of fromUser that these flows use. */
  connectionsNeedingAttention: (typeof connections.$inferSelect)[];
  dryRun: boolean;
  lastPosition: number | null;
};

const FIELDS = { environment: ['input', 'environmentId'], from: ['input', 'fromUserId'], to: ['input', 'toUserId'] };

export async function reassignFlows(
  db: Db,
  viewer: UserRow,
  input: ReassignFlowsInput,
  options: BulkOptions,
): Promise<ReassignFlowsResult> {
  assertDifferent(input.fromUserId, input.toUserId, 'fromUserId and toUserId are the same user', FIELDS.to);
  return bulkTransaction(db, options, async (tx) => {
    const environment = await administeredEnvironment(tx, viewer, input.environmentId, FIELDS.environment, 'reassign its flows');
    const { from, to } = await theTwoUsers(tx, viewer, input);
    const now = new Date();

    // Candidates before the lock, to bound the call; decided again under the lock.
    const candidates = await tx
      .select({ id: flows.id, environmentId: flows.environmentId })
      .from(flows)
      .where(
        and(
          eq(flows.environmentId, environment.id),
          or(
            eq(flows.primaryOwnerId, from.id),
            inArray(
              flows.id,
              tx
                .select({ id: ownerGrants.flowId })
                .from(ownerGrants)
                .where(and(eq(ownerGrants.userId, from.id), liveGrant(ownerGrants, now))),
            ),
          ),
        ),
      );
    const locked = await boundAndLock(tx, candidates, options, FIELDS.from);
    const ids = [...locked].sort();
    const facts = await loadFlowFacts(tx, ids);

    const handed: FlowRow[] = [];
    const toRef: PrincipalInput = { kind: 'USER', id: to.id, field: FIELDS.to };
    const fromRef: PrincipalInput = { kind: 'USER', id: from.id, field: FIELDS.from };
    for (const id of ids) {
      const { flow, ownerGrants: grants } = facts.get(id)!;
      const fromHoldsDirectGrant = grants.some((g) => g.principal.kind === 'USER' && g.principal.id === from.id && isGrantActive(g, now));
      const step = reassignStep({ ...flow, fromHoldsDirectGrant }, from.id, input.removeFromUser);
      if (!step) continue; // no longer fromUser's: changed by another call meanwhile
      handed.push(flow);
      await forFlow(flow, options, async () => {
        if (step.changePrimaryOwner) {
          await changePrimaryOwner(tx, viewer, { flowId: flow.id, newOwner: toRef });
        }
        if (step.addCoOwner || step.removeFromUser) {
          await modifyFlowOwners(tx, viewer, {
            flowId: flow.id,
            add: step.addCoOwner ? [toRef] : [],
            remove: step.removeFromUser ? [fromRef] : [],
            expiresAt: null,
          });
        }
      });
    }

    const after = await flowsNow(
      tx,
      handed.map((f) => f.id),
    );
    const resumed = after.filter((f) => f.state !== 'SUSPENDED' && facts.get(f.id)!.flow.state === 'SUSPENDED').map((f) => f.id);
    const before = (id: string) => facts.get(id)!.flow;
    return {
      flows: await flowsShown(
        tx,
        after.map((f) => f.id),
        options,
        before,
      ),
      resumedFlows: await flowsShown(tx, resumed, options, before),
      connectionsNeedingAttention: await connectionsOfUserIn(
        tx,
        from.id,
        after.map((f) => f.id),
      ),
      dryRun: options.dryRun,
    };
  });
}

/** fromUser: any user of the viewer's tenant (typically one who left); toUser: one who may be given a grant (S20). */
async function theTwoUsers(tx: Tx, viewer: UserRow, input: ReassignFlowsInput) {
  const found = await loadPrincipals(tx, [
    { kind: 'USER', id: input.fromUserId },
    { kind: 'USER', id: input.toUserId },
  ]);
  const from = found.get(`USER:${input.fromUserId}`);
  if (!from) throw new DomainError('NOT_FOUND', 'No such user.', FIELDS.from);
  assertSameTenant(from, viewer, FIELDS.from);
  const to = found.get(`USER:${input.toUserId}`);
  if (!to) throw new DomainError('NOT_FOUND', 'No such user.', FIELDS.to);
  assertGrantable(to, viewer, FIELDS.to);
  return { from, to };
}

/** The user's connections that the flows' references use: their owner should replace them. */
async function connectionsOfUserIn(tx: Tx, userId: string, flowIds: readonly string[]) {
  if (flowIds.length === 0) return [];
  return tx
    .selectDistinct({ connection: connections })
    .from(connectionReferences)
    .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
    .where(and(inArray(connectionReferences.flowId, [...flowIds]), eq(connections.ownerId, userId)))
    .orderBy(asc(connections.id))
    .then((rows) => rows.map((r) => r.connection));
}
