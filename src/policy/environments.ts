// Who is inside an environment (S16).
import type { EnvironmentRole } from './access.js';
import { DomainError } from './errors.js';

/**
 * S16: where an environment has a security group, only its members are inside it. Its
 * admins are inside by definition.
 */
export function assertInsideEnvironment(
  environment: { displayName: string; securityGroupId: string | null },
  user: { role: EnvironmentRole | null; groupIds: ReadonlySet<string> },
  field: string[],
): void {
  if (!environment.securityGroupId || user.role === 'ENVIRONMENT_ADMIN') return;
  if (user.groupIds.has(environment.securityGroupId)) return;
  throw new DomainError(
    'NOT_AUTHORIZED',
    `You are not in the security group of ${environment.displayName}, so not in the environment.`,
    field,
  );
}
