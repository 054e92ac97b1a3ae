// Principals (users, groups, SharePoint lists) expanded to the users they stand for.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { groupMembers, listEditors } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';

/** The users behind principals: a group's members, a list's editors (and its editor groups' members). */
export async function usersOf(db: Db, principals: readonly PrincipalRef[]): Promise<Set<string>> {
  return (await usersOfEach(db, new Map([['', principals]]))).get('')!;
}

/**
 * usersOf for many sets of principals at once (a flow's owners, for each of many flows): two
 * statements whatever their number.
 */
export async function usersOfEach<K>(db: Db, sets: ReadonlyMap<K, readonly PrincipalRef[]>): Promise<Map<K, Set<string>>> {
  const all = [...sets.values()].flat();
  const listIds = unique(all.filter((p) => p.kind === 'LIST').map((p) => p.id));
  const editorsOf = new Map<string, { userId: string | null; groupId: string | null }[]>();
  if (listIds.length > 0) {
    for (const e of await db.select().from(listEditors).where(inArray(listEditors.listId, listIds))) {
      const editors = editorsOf.get(e.listId);
      if (editors) editors.push(e);
      else editorsOf.set(e.listId, [e]);
    }
  }
  const groupIds = unique([
    ...all.filter((p) => p.kind === 'GROUP').map((p) => p.id),
    ...[...editorsOf.values()].flat().flatMap((e) => (e.groupId ? [e.groupId] : [])),
  ]);
  const membersOf = new Map<string, string[]>();
  if (groupIds.length > 0) {
    const members = await db.select().from(groupMembers).where(inArray(groupMembers.groupId, groupIds));
    // Pushed, not copied: a group of thousands would otherwise be copied once per member.
    for (const m of members) {
      const users = membersOf.get(m.groupId);
      if (users) users.push(m.userId);
      else membersOf.set(m.groupId, [m.userId]);
    }
  }
  const out = new Map<K, Set<string>>();
  for (const [key, principals] of sets) {
    const users = new Set<string>();
    const addGroup = (id: string) => {
      for (const u of membersOf.get(id) ?? []) users.add(u);
    };
    for (const p of principals) {
      if (p.kind === 'USER') users.add(p.id);
      else if (p.kind === 'GROUP') addGroup(p.id);
      else
        for (const e of editorsOf.get(p.id) ?? []) {
          if (e.userId) users.add(e.userId);
          if (e.groupId) addGroup(e.groupId);
        }
    }
    out.set(key, users);
  }
  return out;
}

const unique = (ids: string[]) => [...new Set(ids)];

type OwnedFlow = { primaryOwnerId: string };
const ownerPrincipals = (flow: OwnedFlow, grants: readonly { principal: PrincipalRef }[]): PrincipalRef[] => [
  { kind: 'USER', id: flow.primaryOwnerId },
  ...grants.map((g) => g.principal),
];

/** The users who own a flow: its primary owner and the users behind the owner grants given. */
export function ownersOf(db: Db, flow: OwnedFlow, grants: readonly { principal: PrincipalRef }[]): Promise<Set<string>> {
  return usersOf(db, ownerPrincipals(flow, grants));
}

/** ownersOf for many flows at once, keyed by flow id. */
export function ownersOfEach(
  db: Db,
  owned: readonly { flow: OwnedFlow & { id: string }; grants: readonly { principal: PrincipalRef }[] }[],
): Promise<Map<string, Set<string>>> {
  return usersOfEach(db, new Map(owned.map((o) => [o.flow.id, ownerPrincipals(o.flow, o.grants)])));
}
