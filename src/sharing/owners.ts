// modifyFlowOwners: add and remove co-owners in one transaction, like the Modify Flow
// Owners action. Every change is logged (OWNER_ADDED / OWNER_REMOVED) in that transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import {
  connectionReferences,
  connections,
  environments,
  environmentUsers,
  groupMembers,
  ownerGrants,
  tenants,
  users,
} from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { resumeRunnableFlows } from './resume.js';
import { assertMay, isGrantActive, type PrincipalRef } from '../policy/access.js';
import { DomainError } from '../policy/errors.js';
import {
  assertGrantable,
  assertSameTenant,
  assertListOwnerAvailable,
  assertNotPrimaryOwner,
  environmentAdditions,
  formerOwners,
} from '../policy/owners.js';
import { flowWithAccess, grantPrincipal, type FlowRow, type UserRow } from './access.js';
import { checkGrantChange, grantsOf, grantTarget, key, loadPrincipals, union, type PrincipalInput } from './grants.js';
import { usersOf } from './principals.js';

export type ModifyFlowOwnersInput = {
  flowId: string;
  add: PrincipalInput[];
  remove: PrincipalInput[];
  expiresAt: Date | null;
};

export type ModifyFlowOwnersResult = {
  flow: FlowRow;
  connectionsNeedingAttention: (typeof connections.$inferSelect)[];
  usersAddedToEnvironment: UserRow[];
  /** The position of the last event written; null when the call changed nothing. */
  lastPosition: number | null;
};

export async function modifyFlowOwners(db: Db, viewer: UserRow, input: ModifyFlowOwnersInput): Promise<ModifyFlowOwnersResult> {
  const now = new Date();
  const removing = checkGrantChange(input, now);

  return db.transaction(async (tx) => {
    const found = await flowWithAccess(tx, viewer, input.flowId, { lock: true });
    // Adding owners is what canManageOwners reports (S1, S2, S15); removing is any owner's or admin's (S3).
    assertMay(found?.access, input.add.length > 0 ? 'manageOwners' : 'own', ['input', 'flowId'], 'change its owners');
    const { flow, access } = found!;

    const principals = await loadPrincipals(tx, [...input.add, ...input.remove]);
    const cloud = await tenantCloud(tx, viewer.tenantId);
    for (const p of input.add) {
      const facts = principals.get(key(p));
      if (!facts) throw new DomainError('NOT_FOUND', 'No such user, group or list.', p.field);
      assertGrantable(facts, viewer, p.field);
      if (p.kind === 'LIST') assertListOwnerAvailable(cloud, p.field);
    }
    for (const p of input.remove) {
      const facts = principals.get(key(p));
      if (!facts) throw new DomainError('NOT_FOUND', 'No such user, group or list.', p.field);
      assertSameTenant(facts, viewer, p.field);
      assertNotPrimaryOwner(p, flow.primaryOwnerId, p.field);
    }

    // Adding someone who already has a grant is a no-op: the unique index keeps one grant.
    const added = input.add.length
      ? await tx
          .insert(ownerGrants)
          .values(input.add.map((p) => ({ flowId: flow.id, ...grantTarget(p), addedById: viewer.id, expiresAt: input.expiresAt })))
          .onConflictDoNothing()
          .returning()
      : [];
    const removed = input.remove.length
      ? await tx
          .delete(ownerGrants)
          .where(and(eq(ownerGrants.flowId, flow.id), grantsOf(ownerGrants, input.remove)))
          .returning()
      : [];
    const addedRefs = added.map(grantPrincipal);
    const removedRefs = removed.map(grantPrincipal);

    // Who owns the flow now, as users: for event recipients and S11.
    const remaining = found!.ownerGrants.filter((g) => !removing.has(key(g.principal)) && isGrantActive(g, now)).map((g) => g.principal);
    const ownersNow = await usersOf(tx, [...remaining, ...addedRefs, { kind: 'USER', id: flow.primaryOwnerId }]);
    const lost = formerOwners(await usersOf(tx, removedRefs), ownersNow);
    const connectionsNeedingAttention = lost.size
      ? await tx
          .selectDistinct({ connection: connections })
          .from(connectionReferences)
          .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
          .where(and(eq(connectionReferences.flowId, flow.id), inArray(connections.ownerId, [...lost])))
          .then((rows) => rows.map((r) => r.connection))
      : [];

    const usersAddedToEnvironment = await addToEnvironment(
      tx,
      flow,
      addedRefs.filter((p) => p.kind !== 'LIST'),
    );

    const event = (kind: 'OWNER_ADDED' | 'OWNER_REMOVED', principal: PrincipalRef) =>
      flowEvent(kind, flow, { id: viewer.id, level: access.level }, { principal });
    const lastPosition = await appendEvents(tx, [
      ...(await Promise.all(
        addedRefs.map(async (p) => ({ event: event('OWNER_ADDED', p), recipients: union(await usersOf(tx, [p]), ownersNow) })),
      )),
      ...(await Promise.all(
        removedRefs.map(async (p) => ({ event: event('OWNER_REMOVED', p), recipients: union(await usersOf(tx, [p]), ownersNow) })),
      )),
    ]);
    // A flow suspended for want of an active owner may have one now.
    const resumed =
      addedRefs.length > 0 && flow.state === 'SUSPENDED'
        ? await resumeRunnableFlows(tx, [flow.id], () => ({ id: viewer.id, level: access.level }))
        : null;
    return {
      flow: resumed?.resumed[0] ? { ...flow, ...resumed.resumed[0] } : flow,
      connectionsNeedingAttention,
      usersAddedToEnvironment,
      lastPosition: resumed?.lastPosition ?? lastPosition,
    };
  });
}

async function tenantCloud(tx: Tx, tenantId: string) {
  const [tenant] = await tx.select({ cloud: tenants.cloud }).from(tenants).where(eq(tenants.id, tenantId));
  return tenant!.cloud;
}

/**
 * S14: users (and group members) shared a solution-aware flow join its environment, if they
 * are inside it (S16: in its security group); the others keep an inert grant.
 */
async function addToEnvironment(tx: Tx, flow: FlowRow, principals: PrincipalRef[]): Promise<UserRow[]> {
  if (!flow.solutionAware || principals.length === 0) return [];
  const candidates = [...(await usersOf(tx, principals))];
  const present = await tx
    .select({ userId: environmentUsers.userId })
    .from(environmentUsers)
    .where(and(eq(environmentUsers.environmentId, flow.environmentId), inArray(environmentUsers.userId, candidates)));
  const known = new Set(present.map((p) => p.userId));
  const [environment] = await tx.select().from(environments).where(eq(environments.id, flow.environmentId));
  const newcomers = candidates.filter((id) => !known.has(id));
  const additions = environmentAdditions(flow, environment!, await securityGroupMemberships(tx, environment!, newcomers));
  if (additions.length === 0) return [];
  const inserted = await tx
    .insert(environmentUsers)
    .values(additions.map((a) => ({ environmentId: flow.environmentId, userId: a.userId, role: a.role })))
    .onConflictDoNothing()
    .returning({ userId: environmentUsers.userId });
  if (inserted.length === 0) return [];
  return tx
    .select()
    .from(users)
    .where(
      inArray(
        users.id,
        inserted.map((i) => i.userId),
      ),
    );
}

/**
 * The users with, of their groups, the one that decides whether they are inside the
 * environment (its security group): what environmentAdditions needs to know (S16).
 */
export async function securityGroupMemberships(
  tx: Tx,
  environment: { securityGroupId: string | null },
  userIds: readonly string[],
): Promise<{ userId: string; groupIds: ReadonlySet<string> }[]> {
  const { securityGroupId } = environment;
  const members =
    securityGroupId && userIds.length > 0
      ? new Set(
          (
            await tx
              .select({ userId: groupMembers.userId })
              .from(groupMembers)
              .where(and(eq(groupMembers.groupId, securityGroupId), inArray(groupMembers.userId, [...userIds])))
          ).map((r) => r.userId),
        )
      : new Set<string>();
  return userIds.map((userId) => ({ userId, groupIds: new Set(securityGroupId && members.has(userId) ? [securityGroupId] : []) }));
}
