// A user's access as flowAccess decides it, for the rule tests: an owner or a run-only user
// by a direct grant, with a role, license and trigger to vary.
import { flowAccess, type EnvironmentRole } from '../../src/policy/access.js';

export function accessAs(
  level: 'OWNER' | 'RUN_ONLY',
  options: { trigger?: 'INSTANT' | 'AUTOMATED' | 'SCHEDULED'; role?: EnvironmentRole | null; license?: 'FREE' | 'PREMIUM' | 'SEEDED' } = {},
) {
  const grant = [{ principal: { kind: 'USER' as const, id: 'u' }, expiresAt: null }];
  return flowAccess({
    user: { id: 'u', tenantId: 'T', status: 'ACTIVE', license: options.license ?? 'PREMIUM' },
    flow: { tenantId: 'T', creatorId: 'c', primaryOwnerId: 'c', trigger: options.trigger ?? 'INSTANT' },
    environment: { securityGroupId: null },
    environmentRole: options.role === undefined ? 'ENVIRONMENT_MAKER' : options.role,
    groupIds: new Set(),
    listIds: new Set(),
    ownerGrants: level === 'OWNER' ? grant : [],
    runOnlyGrants: level === 'RUN_ONLY' ? grant : [],
    now: new Date(),
  });
}
