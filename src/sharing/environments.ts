// Environments as use cases see them: in the viewer's tenant or not at all (S20).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { environmentUsers, environments } from '../db/tables.js';
import { assertEnvironmentAdmin, assertInsideEnvironment } from '../policy/environments.js';
import { DomainError } from '../policy/errors.js';
import { loadEnvironmentRoles, loadMemberships, type UserRow } from './access.js';

/** An environment of the user's tenant that the user is inside (S16), with their role there. */
export async function environmentForUser(db: Db, user: UserRow, environmentId: string, field: string[]) {
  const [environment] = await db
    .select()
    .from(environments)
    .where(and(eq(environments.id, environmentId), eq(environments.tenantId, user.tenantId)));
  if (!environment) throw new DomainError('NOT_FOUND', 'No such environment.', field);
  const [roles, { groupIds }] = await Promise.all([loadEnvironmentRoles(db, user.id, [environmentId]), loadMemberships(db, user.id)]);
  const role = roles.get(environmentId) ?? null;
  assertInsideEnvironment(environment, { role, groupIds }, field);
  return { environment, role };
}

/** An environment the user administers (roles, DLP, audit, its log); NOT_AUTHORIZED otherwise. */
export async function administeredEnvironment(db: Db, user: UserRow, environmentId: string, field: string[], doing: string) {
  const { environment, role } = await environmentForUser(db, user, environmentId, field);
  assertEnvironmentAdmin(role, environment.displayName, doing, field);
  return environment;
}

/** The admins of each environment (user ids), for events that go to them. */
export async function environmentAdmins(db: Db, environmentIds: readonly string[]): Promise<Map<string, string[]>> {
  const admins = new Map<string, string[]>(environmentIds.map((id) => [id, []]));
  if (environmentIds.length === 0) return admins;
  const rows = await db
    .select({ userId: environmentUsers.userId, environmentId: environmentUsers.environmentId })
    .from(environmentUsers)
    .where(and(eq(environmentUsers.role, 'ENVIRONMENT_ADMIN'), inArray(environmentUsers.environmentId, [...environmentIds])));
  for (const r of rows) admins.get(r.environmentId)?.push(r.userId);
  return admins;
}
