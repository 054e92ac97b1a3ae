// Rules for sharing a flow with co-owners (S1, S2, S4, S10, S14, S20).
import type { EnvironmentRole, PrincipalRef } from './access.js';
import { isInsideEnvironment } from './environments.js';
import { DomainError } from './errors.js';

export type PrincipalFacts = PrincipalRef & {
  tenantId: string;
  name: string;
  /** Users only. */
  status?: 'ACTIVE' | 'DEPARTED';
};

/**
 * S20, S24: a principal of another tenant is CROSS_TENANT wherever a mutation names one (added or
 * removed), and the refusal names nothing of that tenant.
 */
export function assertSameTenant(principal: PrincipalFacts, viewer: { tenantId: string }, field: string[]): void {
  if (principal.tenantId !== viewer.tenantId) {
    throw new DomainError(
      'CROSS_TENANT',
      'This user, group or list belongs to another tenant: flows are shared within a tenant only.',
      field,
    );
  }
}

/** S20 and sanity: who may be given a grant at all. */
export function assertGrantable(principal: PrincipalFacts, viewer: { tenantId: string }, field: string[]): void {
  assertSameTenant(principal, viewer, field);
  if (principal.status === 'DEPARTED') {
    throw new DomainError('INVALID_INPUT', `${principal.name} has left the organization.`, field);
  }
}

/** S10: a SharePoint list as co-owner is not available in GCC High and DoD tenants. */
export function assertListOwnerAvailable(cloud: 'COMMERCIAL' | 'GCC' | 'GCC_HIGH' | 'DOD', field: string[]): void {
  if (cloud === 'GCC_HIGH' || cloud === 'DOD') {
    throw new DomainError(
      'LIST_OWNER_UNAVAILABLE_IN_CLOUD',
      `Adding a SharePoint list as a co-owner isn't available in ${cloud === 'DOD' ? 'DoD' : 'GCC High'} tenants: add a group instead.`,
      field,
    );
  }
}

/** S4: the primary owner can't be removed (change the primary owner first, S13). */
export function assertNotPrimaryOwner(principal: PrincipalRef, primaryOwnerId: string, field: string[]): void {
  if (principal.kind === 'USER' && principal.id === primaryOwnerId) {
    throw new DomainError('CANNOT_REMOVE_PRIMARY_OWNER', "The flow's primary owner can't be removed.", field);
  }
}

/** Access given for a while must end in the future. */
export function assertExpiryInFuture(expiresAt: Date | null | undefined, now: Date, field: string[]): void {
  if (expiresAt && expiresAt <= now) {
    throw new DomainError('INVALID_INPUT', 'expiresAt must be in the future.', field);
  }
}

/**
 * S14: sharing a solution-aware flow with users not yet in its environment adds them: in
 * the default environment as makers, elsewhere with no role (an admin assigns one). S16:
 * only users inside the environment (in its security group) can be added; the others keep
 * their grant, inert, and are not added.
 */
export function environmentAdditions(
  flow: { solutionAware: boolean },
  environment: { isDefault: boolean; securityGroupId: string | null },
  usersNotInEnvironment: readonly { userId: string; groupIds: ReadonlySet<string> }[],
): { userId: string; role: EnvironmentRole | null }[] {
  if (!flow.solutionAware) return [];
  const role: EnvironmentRole | null = environment.isDefault ? 'ENVIRONMENT_MAKER' : null;
  return (
    usersNotInEnvironment
      // Not in the environment yet, so no role there: the security group alone decides.
      .filter((u) => isInsideEnvironment(environment, { role: null, groupIds: u.groupIds }))
      .map(({ userId }) => ({ userId, role }))
  );
}

/**
 * S11: the users who stop being owners by a change: the removed principals' users, less
 * those who are still owners some other way.
 */
export function formerOwners(removedUsers: Iterable<string>, remainingOwnerUsers: ReadonlySet<string>): Set<string> {
  return new Set([...removedUsers].filter((u) => !remainingOwnerUsers.has(u)));
}
