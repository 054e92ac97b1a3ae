// The directory as the API reads it: the user a token names, a group's members and a list's
// editors by name, and the people picker. Everything but the token lookup is one tenant's.
import { and, asc, count, eq, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.js';
import { groupMembers, groups, listEditors, sharePointLists, users } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';
import type { UserRow } from '../sharing/access.js';
import type { OffsetList } from './pagination.js';

/** The user an identity provider's subject (a token's `sub`) names, if any, departed or not. */
export async function userByExternalId(db: Db, externalId: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.externalId, externalId));
  return user;
}

/** Users ordered by name, from a query of their ids (built anew for each statement). */
function usersByName(db: Db, ids: () => SQLWrapper): OffsetList<UserRow> {
  const among = () => sql`${users.id} in (${ids()})`;
  return {
    page: ({ offset, limit }) =>
      db.select().from(users).where(among()).orderBy(asc(users.displayName), asc(users.id)).offset(offset).limit(limit),
    count: async () => (await db.select({ n: count() }).from(users).where(among()))[0]!.n,
  };
}

/** A group's members, by name. */
export function membersOfGroup(db: Db, groupId: string): OffsetList<UserRow> {
  return usersByName(db, () => db.select({ id: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId)));
}

/** A list's editors, by name: its user editors and the members of its editor groups. */
export function editorsOfList(db: Db, listId: string): OffsetList<UserRow> {
  return usersByName(db, () => {
    const direct = db
      .select({ id: sql<string>`${listEditors.userId}`.as('id') })
      .from(listEditors)
      .where(and(eq(listEditors.listId, listId), sql`${listEditors.userId} is not null`));
    const viaGroups = db
      .select({ id: groupMembers.userId })
      .from(groupMembers)
      .innerJoin(listEditors, eq(listEditors.groupId, groupMembers.groupId))
      .where(eq(listEditors.listId, listId));
    return direct.union(viaGroups);
  });
}

// ------------------------------------------------------------------ the people picker

/**
 * People picker: the tenant's users, groups and lists whose name (or a user's email) contains
 * `query`, case-insensitively, best match first. A blank query finds nothing, without a query.
 */
export function searchPrincipals(db: Db, tenantId: string, query: string): OffsetList<PrincipalRef> {
  const q = query.trim().toLowerCase();
  if (!q) return { page: async () => [], count: async () => 0 };
  return {
    page: async ({ offset, limit }) => {
      const c = candidates(db, tenantId, q);
      const rows = await db
        .select({ kind: c.kind, id: c.id })
        .from(c)
        .orderBy(asc(c.rank), asc(sql`lower(${c.name})`), asc(c.id))
        .offset(offset)
        .limit(limit);
      return rows as PrincipalRef[]; // kind is one of the three literals of candidates()
    },
    count: async () => {
      const [row] = await db.select({ n: count() }).from(candidates(db, tenantId, q));
      return row!.n;
    },
  };
}

/** `q` with LIKE's own % and _ (and the escape character) taken literally. */
function literal(q: string) {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One ranked query over users, groups and lists: exact name or email first, then names
 * and emails that start with the query, then a word that starts with it, then any match.
 * Departed users are left out: they can no longer be given anything.
 */
function candidates(db: Db, tenantId: string, q: string) {
  const text = literal(q);
  const [anywhere, start, wordStart] = [`%${text}%`, `${text}%`, `% ${text}%`];

  const rank = (name: SQL, email: SQL) =>
    sql<number>`case
      when lower(${name}) = ${q} or lower(${email}) = ${q} then 0
      when lower(${name}) like ${start} or lower(${email}) like ${start} then 1
      when lower(${name}) like ${wordStart} then 2
      else 3 end`;
  // The kind is a literal, not a parameter: a parameter's type is unknown inside a UNION.
  const columns = <Id extends PgColumn>(kind: PrincipalRef['kind'], id: Id, name: PgColumn, email: SQL) => ({
    kind: sql<string>`${sql.raw(`'${kind}'`)}`.as('kind'),
    id,
    name: sql<string>`${name}`.as('name'),
    rank: rank(sql`${name}`, email).as('rank'),
  });
  const userRows = db
    .select(columns('USER', users.id, users.displayName, sql`${users.email}`))
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.status, 'ACTIVE'),
        or(sql`lower(${users.displayName}) like ${anywhere}`, sql`lower(${users.email}) like ${anywhere}`),
      ),
    );
  const groupRows = db
    .select(columns('GROUP', groups.id, groups.displayName, sql`''`))
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), sql`lower(${groups.displayName}) like ${anywhere}`));
  const listRows = db
    .select(columns('LIST', sharePointLists.id, sharePointLists.title, sql`''`))
    .from(sharePointLists)
    .where(and(eq(sharePointLists.tenantId, tenantId), sql`lower(${sharePointLists.title}) like ${anywhere}`));
  return userRows.unionAll(groupRows).unionAll(listRows).as('candidates');
}
