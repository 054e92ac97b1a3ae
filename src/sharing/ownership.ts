// changePrimaryOwner (S13, S14): solution-aware flows only; the old primary owner stays a co-owner.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { environments, environmentUsers, flows, ownerGrants } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { resumeRunnableFlows } from './resume.js';
import { assertIndividualUser, assertSolutionAware } from '../policy/copies.js';
import { DomainError } from '../policy/errors.js';
import { assertMay, canAuthorFlows } from '../policy/access.js';
import { assertGrantable, environmentAdditions } from '../policy/owners.js';
import { flowWithAccess, type FlowRow, type UserRow } from './access.js';
import { loadPrincipals, type PrincipalInput } from './grants.js';
import { securityGroupMemberships } from './owners.js';
import { usersOf } from './principals.js';

export async function changePrimaryOwner(
  db: Db,
  viewer: UserRow,
  input: { flowId: string; newOwner: PrincipalInput },
): Promise<{ flow: FlowRow; lastPosition: number | null }> {
  const field = input.newOwner.field;
  assertIndividualUser(input.newOwner.kind, field);
  return db.transaction(async (tx) => {
    const found = await flowWithAccess(tx, viewer, input.flowId, { lock: true });
    // S13: the primary owner, a co-owner or an admin, whatever their license.
    assertMay(found?.access, 'own', ['input', 'flowId'], 'change its owners');
    const { flow, access } = found!;
    assertSolutionAware(flow, ['input', 'flowId']);
    const newOwner = (await loadPrincipals(tx, [input.newOwner])).get(`USER:${input.newOwner.id}`);
    if (!newOwner) throw new DomainError('NOT_FOUND', 'No such user.', field);
    assertGrantable(newOwner, viewer, field);
    if (newOwner.id === flow.primaryOwnerId) return { flow, lastPosition: null };

    // The new owner needs a role that allows flows here; sharing adds them if absent (S14).
    const [member] = await tx
      .select({ role: environmentUsers.role })
      .from(environmentUsers)
      .where(and(eq(environmentUsers.environmentId, flow.environmentId), eq(environmentUsers.userId, newOwner.id)));
    let role = member?.role ?? null;
    if (!member) {
      const [environment] = await tx.select().from(environments).where(eq(environments.id, flow.environmentId));
      const [addition] = environmentAdditions(flow, environment!, await securityGroupMemberships(tx, environment!, [newOwner.id]));
      // Outside the security group (S16) they are not added, and have no role to own it with.
      if (addition) {
        await tx.insert(environmentUsers).values({ environmentId: flow.environmentId, userId: newOwner.id, role: addition.role });
        role = addition.role;
      }
    }
    if (!canAuthorFlows(role)) {
      throw new DomainError(
        'ROLE_REQUIRED',
        `${newOwner.name} has no role that allows owning flows in ${flow.environmentName}: an admin must assign one first.`,
        field,
      );
    }

    const [changed] = await tx
      .update(flows)
      .set({ primaryOwnerId: newOwner.id, modifiedAt: new Date() })
      .where(eq(flows.id, flow.id))
      .returning();
    await tx
      .insert(ownerGrants)
      .values({ flowId: flow.id, principalKind: 'USER', userId: newOwner.id, addedById: viewer.id })
      .onConflictDoNothing();
    const owners = await usersOf(tx, [...found!.ownerGrants.map((g) => g.principal), { kind: 'USER', id: newOwner.id }]);
    const lastPosition = await appendEvents(tx, [
      {
        event: flowEvent(
          'PRIMARY_OWNER_CHANGED',
          flow,
          { id: viewer.id, level: access.level },
          {
            principal: { kind: 'USER', id: newOwner.id },
          },
        ),
        recipients: [flow.primaryOwnerId, ...owners],
      },
    ]);
    // A flow suspended for want of an active owner has one now.
    if (flow.state !== 'SUSPENDED') return { flow: changed!, lastPosition };
    const resumed = await resumeRunnableFlows(tx, [flow.id], () => ({ id: viewer.id, level: access.level }));
    return { flow: resumed.resumed[0] ?? changed!, lastPosition: resumed.lastPosition ?? lastPosition };
  });
}
