// Who is inside an environment (S16).
import type { EnvironmentRole } from './access.js';
import { DomainError } from './errors.js';

/**
 * S16: where an environment has a security group, only its members are inside it. Its
 * admins are inside by definition. The one statement of who is inside (flowAccess, the
 * environment checks and S14's additions ask it).
 */
export function isInsideEnvironment(
  environment: { securityGroupId: string | null },
  user: { role: EnvironmentRole | null; groupIds: ReadonlySet<string> },
): boolean {
  return !environment.securityGroupId || user.role === 'ENVIRONMENT_ADMIN' || user.groupIds.has(environment.securityGroupId);
}

export function assertInsideEnvironment(
  environment: { displayName: string; securityGroupId: string | null },
  user: { role: EnvironmentRole | null; groupIds: ReadonlySet<string> },
  field: string[],
): void {
  if (isInsideEnvironment(environment, user)) return;
  throw new DomainError(
    'NOT_AUTHORIZED',
    `You are not in the security group of ${environment.displayName}, so not in the environment.`,
    field,
  );
}

/** Environment administration (roles, DLP, audit, the environment's log) is for its admins. */
export function isEnvironmentAdmin(role: EnvironmentRole | null): boolean {
  return role === 'ENVIRONMENT_ADMIN';
}

/** isEnvironmentAdmin, or the refusal naming the environment and what was refused. */
export function assertEnvironmentAdmin(role: EnvironmentRole | null, environmentName: string, doing: string, field: string[]): void {
  if (isEnvironmentAdmin(role)) return;
  throw new DomainError('NOT_AUTHORIZED', `Only admins of ${environmentName} may ${doing}.`, field);
}

/** An environment keeps at least one admin: the last one can't take their own role away. */
export function assertKeepsAnAdmin(
  change: { currentRole: EnvironmentRole | null; newRole: EnvironmentRole | null; otherAdmins: number },
  field: string[],
): void {
  if (change.currentRole === 'ENVIRONMENT_ADMIN' && change.newRole !== 'ENVIRONMENT_ADMIN' && change.otherAdmins === 0) {
    throw new DomainError('INVALID_INPUT', "This is the environment's last admin: make someone else admin first.", field);
  }
}
