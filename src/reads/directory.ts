// The directory as the API reads it: the user a token names, a group's members and a list's
// editors by name, and the people picker. Everything but the token lookup is one tenant's.
import { and, asc, count, eq, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgDialect, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.js';
import { groupMembers, groups, listEditors, sharePointLists, users } from '../db/tables.js';
import type { EnvironmentRole, PrincipalRef } from '../policy/access.js';
import type { Memberships, UserRow } from '../sharing/access.js';
import type { OffsetList } from './pagination.js';
import { plainRows, tableName, tableReader } from './plain.js';

/** A signed-in user with their groups, the lists they edit and their environment roles. */
export type SignedInUser = { user: UserRow; memberships: Memberships; roles: ReadonlyMap<string, EnvironmentRole | null> };

/**
 * A user's memberships (as loadMembershipsOf reads them) and role in each environment that
 * knows them (as loadEnvironmentRolesOf reads them), as columns of a select from `users`.
 */
export const userFactsColumns = {
  // Written out: in a one-table select drizzle leaves columns unqualified, and these
  // subqueries need the outer "users"."id".
  groupIds: sql<string[]>`coalesce((select json_agg(gm.group_id) from group_members gm where gm.user_id = "users"."id"), '[]'::json)`,
  listIds: sql<string[]>`coalesce((select json_agg(l.id) from (
      select le.list_id as id from list_editors le where le.user_id = "users"."id"
      union
      select le.list_id from list_editors le join group_members gm on gm.group_id = le.group_id where gm.user_id = "users"."id") l), '[]'::json)`,
  roles: sql<Record<string, EnvironmentRole | null>>`coalesce((select json_object_agg(eu.environment_id, eu.role)
      from environment_users eu where eu.user_id = "users"."id"), '{}'::json)`,
};

/**
 * The user an identity provider's subject (a token's `sub`) names, if any, departed or not,
 * with their memberships (as loadMembershipsOf reads them) and their role in each environment
 * that knows them (as loadEnvironmentRolesOf reads them): one statement.
 */
export async function userByExternalId(db: Db, externalId: string): Promise<SignedInUser | undefined> {
  const [row] = await plainRows<Record<string, unknown> & SignedInFacts>(db, 'user_by_external_id', SIGN_IN_SQL, [externalId]);
  if (!row) return undefined;
  return {
    user: userReader.read(row),
    memberships: { groupIds: new Set(row.groupIds), listIds: new Set(row.listIds) },
    roles: new Map(Object.entries(row.roles)),
  };
}

type SignedInFacts = { groupIds: string[]; listIds: string[]; roles: Record<string, EnvironmentRole | null> };
const userReader = tableReader(users);
// Every request signs in: its text is written once (userFactsColumns has no parameters).
const factsSql = (column: SQL) => new PgDialect().sqlToQuery(column).sql;
const SIGN_IN_SQL = `select ${userReader.columns('users')}, ${Object.entries(userFactsColumns)
  .map(([name, column]) => `${factsSql(column)} as "${name}"`)
  .join(', ')} from ${tableName(users)} "users" where "users"."external_id" = $1`;

// ------------------------------------------------------------------ directory objects by id

/** A user, group or list by id: `U<id>`, `G<id>` or `L<id>`. */
export type DirectoryKey = `${'U' | 'G' | 'L'}${string}`;
export type DirectoryRow = UserRow | typeof groups.$inferSelect | typeof sharePointLists.$inferSelect;

const directoryTables = { U: users, G: groups, L: sharePointLists } as const;

const directoryReaders = { U: tableReader(users), G: tableReader(groups), L: tableReader(sharePointLists) } as const;

/** Each kind's rows as JSON, with the kind; one array of ids per kind. */
const DIRECTORY_SQL = (['U', 'G', 'L'] as const)
  .map((kind, i) => {
    const table = directoryTables[kind];
    return `select '${kind}' as kind, ${directoryReaders[kind].json('t')} as row from ${tableName(table)} t where t.id = any($${i + 1}::uuid[])`;
  })
  .join(' union all ');

/** Users, groups and lists by id, in one statement (UNION ALL of each row as JSON); missing ones are absent. */
export async function loadDirectoryObjects(db: Db, keys: readonly DirectoryKey[]): Promise<Map<DirectoryKey, DirectoryRow>> {
  const out = new Map<DirectoryKey, DirectoryRow>();
  if (keys.length === 0) return out;
  const ids = { U: new Set<string>(), G: new Set<string>(), L: new Set<string>() };
  for (const key of keys) ids[key[0] as keyof typeof ids].add(key.slice(1));
  const rows = await plainRows<{ kind: keyof typeof directoryTables; row: Record<string, unknown> }>(
    db,
    'directory_objects',
    DIRECTORY_SQL,
    [[...ids.U], [...ids.G], [...ids.L]],
  );
  for (const { kind, row } of rows) {
    const decoded = directoryReaders[kind].readJson(row) as DirectoryRow;
    out.set(`${kind}${decoded.id}`, decoded);
  }
  return out;
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
