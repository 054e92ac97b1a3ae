// Environments as use cases see them: in the viewer's tenant or not at all (S20).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { environments } from '../db/tables.js';
import { DomainError } from '../policy/errors.js';
import { loadEnvironmentRoles, type UserRow } from './access.js';

export async function environmentForUser(db: Db, user: UserRow, environmentId: string, field: string[]) {
  const [environment] = await db
    .select()
    .from(environments)
    .where(and(eq(environments.id, environmentId), eq(environments.tenantId, user.tenantId)));
  if (!environment) throw new DomainError('NOT_FOUND', 'No such environment.', field);
  const role = (await loadEnvironmentRoles(db, user.id, [environmentId])).get(environmentId) ?? null;
  return { environment, role };
}
