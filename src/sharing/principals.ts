// Principals (users, groups, SharePoint lists) expanded to the users they stand for.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { groupMembers, listEditors } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';

/** The users behind principals: a group's members, a list's editors (and its editor groups' members). */
export async function usersOf(db: Db, principals: readonly PrincipalRef[]): Promise<Set<string>> {
  const users = new Set(principals.filter((p) => p.kind === 'USER').map((p) => p.id));
  const groupIds = principals.filter((p) => p.kind === 'GROUP').map((p) => p.id);
  const listIds = principals.filter((p) => p.kind === 'LIST').map((p) => p.id);
  if (listIds.length > 0) {
    const editors = await db.select().from(listEditors).where(inArray(listEditors.listId, listIds));
    for (const e of editors) {
      if (e.userId) users.add(e.userId);
      if (e.groupId) groupIds.push(e.groupId);
    }
  }
  if (groupIds.length > 0) {
    const members = await db.select({ userId: groupMembers.userId }).from(groupMembers).where(inArray(groupMembers.groupId, groupIds));
    for (const m of members) users.add(m.userId);
  }
  return users;
}

/** The users who own a flow: its primary owner and the users behind the owner grants given. */
export function ownersOf(db: Db, flow: { primaryOwnerId: string }, grants: readonly { principal: PrincipalRef }[]): Promise<Set<string>> {
  return usersOf(db, [{ kind: 'USER', id: flow.primaryOwnerId }, ...grants.map((g) => g.principal)]);
}
