// setEnvironmentRole: an environment's admins give and take roles there (S15). Makers
// design flows; basic users and users with no role only use what is shared with them.
import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { environmentUsers, users } from '../db/tables.js';
import type { EnvironmentRole } from '../policy/access.js';
import { assertKeepsAnAdmin } from '../policy/environments.js';
import { DomainError } from '../policy/errors.js';
import { assertGrantable } from '../policy/owners.js';
import type { UserRow } from './access.js';
import { administeredEnvironment } from './environments.js';
import { loadPrincipals } from './grants.js';
import { lockEnvironment } from './locks.js';

export type SetEnvironmentRoleInput = { environmentId: string; userId: string; role: EnvironmentRole | null };

export async function setEnvironmentRole(db: Db, viewer: UserRow, input: SetEnvironmentRoleInput) {
  const userField = ['input', 'userId'];
  return db.transaction(async (tx) => {
    const environment = await administeredEnvironment(
      tx,
      viewer,
      input.environmentId,
      ['input', 'environmentId'],
      'give or take roles in it',
    );
    // One role change at a time per environment, so two admins can't demote each other.
    // Environment first: the lock order of src/sharing/locks.ts.
    await lockEnvironment(tx, environment.id, 'update');

    const target = (await loadPrincipals(tx, [{ kind: 'USER', id: input.userId }])).get(`USER:${input.userId}`);
    if (!target) throw new DomainError('NOT_FOUND', 'No such user.', userField);
    assertGrantable(target, viewer, userField);

    const [current] = await tx
      .select({ role: environmentUsers.role })
      .from(environmentUsers)
      .where(and(eq(environmentUsers.environmentId, environment.id), eq(environmentUsers.userId, input.userId)));
    const [{ n: otherAdmins }] = (await tx
      .select({ n: count() })
      .from(environmentUsers)
      .where(
        and(
          eq(environmentUsers.environmentId, environment.id),
          eq(environmentUsers.role, 'ENVIRONMENT_ADMIN'),
          ne(environmentUsers.userId, input.userId),
        ),
      )) as [{ n: number }];
    assertKeepsAnAdmin({ currentRole: current?.role ?? null, newRole: input.role, otherAdmins }, ['input', 'role']);

    // Taking a role away keeps the user in the environment, with no role.
    await tx
      .insert(environmentUsers)
      .values({ environmentId: environment.id, userId: input.userId, role: input.role })
      .onConflictDoUpdate({ target: [environmentUsers.environmentId, environmentUsers.userId], set: { role: input.role } });
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    return { environment, user: user!, role: input.role };
  });
}
