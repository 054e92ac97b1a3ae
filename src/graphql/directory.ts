// The directory as the API shows it: tenants, users, groups, SharePoint lists, the
// people picker. Everything is scoped to the viewer's tenant (S20).
import { brandWithType } from '@pothos/core';
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { and, asc, count, eq, or, sql, type SQLWrapper } from 'drizzle-orm';
import {
  groupMembers,
  groups,
  licenseKind,
  listEditors,
  sharePointLists,
  tenantCloud,
  userKind,
  users,
  userStatus,
} from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';
import type { UserRow } from '../sharing/access.js';
import { builder } from './builder.js';
import { requireViewer, type Context } from './context.js';
import type { GroupRow, ListRow } from './loaders.js';
import { GroupRef, SharePointListRef, TenantRef, UserRef } from './refs.js';
import { offsetPage } from './pagination.js';

export const TenantCloud = builder.enumType('TenantCloud', { values: tenantCloud.enumValues });
const UserKind = builder.enumType('UserKind', { values: userKind.enumValues });
const UserStatus = builder.enumType('UserStatus', { values: userStatus.enumValues });
const LicenseKind = builder.enumType('LicenseKind', {
  description: 'FREE cannot share. PREMIUM: a paid license. SEEDED: one that comes with Office 365, Dynamics 365, Power Apps or Windows.',
  values: licenseKind.enumValues,
});

export const Tenant = TenantRef;
builder.node(TenantRef, {
  id: { resolve: (t) => t.id },
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    cloud: t.field({ type: TenantCloud, resolve: (x) => x.cloud }),
  }),
});

export const User = UserRef;
builder.node(UserRef, {
  id: { resolve: (u) => u.id },
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The identity provider's id (the JWT `sub`)." }),
    displayName: t.exposeString('displayName'),
    email: t.exposeString('email'),
    kind: t.field({ type: UserKind, resolve: (u) => u.kind }),
    status: t.field({ type: UserStatus, resolve: (u) => u.status }),
    license: t.field({ type: LicenseKind, resolve: (u) => u.license }),
    tenant: t.field({ type: Tenant, resolve: async (u, _, ctx) => (await ctx.loaders.tenant.load(u.tenantId))! }),
  }),
});

const UserConnection = builder.connectionObject({ type: User, name: 'UserConnection' }, { name: 'UserEdge' });

/** Users ordered by name, a page at a time, from a query of their ids. */
function userPage(ctx: Context, args: DefaultConnectionArguments, ids: () => SQLWrapper) {
  return offsetPage(
    args,
    async ({ offset, limit }) => {
      const rows = await ctx.db
        .select()
        .from(users)
        .where(sql`${users.id} in (${ids()})`)
        .orderBy(asc(users.displayName), asc(users.id))
        .offset(offset)
        .limit(limit);
      return rows;
    },
    async () => (await ctx.db.select({ n: count() }).from(users).where(sql`${users.id} in (${ids()})`))[0]!.n,
  );
}

function memberIds(ctx: Context, groupId: string) {
  return ctx.db.select({ id: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
}

/** A list's editors: its user editors and the members of its editor groups. */
function editorIds(ctx: Context, listId: string) {
  const direct = ctx.db
    .select({ id: sql<string>`${listEditors.userId}`.as('id') })
    .from(listEditors)
    .where(and(eq(listEditors.listId, listId), sql`${listEditors.userId} is not null`));
  const viaGroups = ctx.db
    .select({ id: groupMembers.userId })
    .from(groupMembers)
    .innerJoin(listEditors, eq(listEditors.groupId, groupMembers.groupId))
    .where(eq(listEditors.listId, listId));
  return direct.union(viaGroups);
}

export const Group = GroupRef;
builder.node(GroupRef, {
  id: { resolve: (g) => g.id },
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    displayName: t.exposeString('displayName'),
    members: t.field({
      type: UserConnection,
      args: t.arg.connectionArgs(),
      resolve: (g, args, ctx) => userPage(ctx, args, () => memberIds(ctx, g.id)),
    }),
  }),
});

export const SharePointList = SharePointListRef;
builder.node(SharePointListRef, {
  description: 'A SharePoint list: everyone with edit access to it (editors) gets what the list is granted.',
  id: { resolve: (l) => l.id },
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    title: t.exposeString('title'),
    siteUrl: t.exposeString('siteUrl'),
    editors: t.field({
      type: UserConnection,
      args: t.arg.connectionArgs(),
      resolve: (l, args, ctx) => userPage(ctx, args, () => editorIds(ctx, l.id)),
    }),
  }),
});

export const Principal = builder.unionType('Principal', {
  types: [User, Group, SharePointList],
});


/** Loads a principal for a union position, branded with its type; null if gone or foreign. */
export async function loadPrincipal(ctx: Context, ref: PrincipalRef) {
  const loader = ref.kind === 'USER' ? ctx.loaders.user : ref.kind === 'GROUP' ? ctx.loaders.group : ctx.loaders.list;
  const row = await loader.load(ref.id);
  if (!row || row.tenantId !== ctx.viewer?.tenantId) return null;
  brandWithType(row, ref.kind === 'USER' ? User : ref.kind === 'GROUP' ? Group : SharePointList);
  return row as UserRow | GroupRow | ListRow;
}

const PrincipalConnection = builder.connectionObject(
  { type: Principal, name: 'PrincipalConnection' },
  { name: 'PrincipalEdge' },
);

builder.queryFields((t) => ({
  viewer: t.field({
    type: User,
    nullable: true,
    description: 'The signed-in user. Null without a valid token.',
    resolve: (_, __, ctx) => ctx.viewer,
  }),
  searchPrincipals: t.field({
      type: PrincipalConnection,
      description: "People picker: users, groups and lists of the viewer's tenant by name or email, best match first.",
      args: { query: t.arg.string({ required: true }), ...t.arg.connectionArgs() },
      resolve: (_, args, ctx) => {
        const viewer = requireViewer(ctx);
        const q = args.query.trim().toLowerCase();
        return offsetPage(
          args,
          async ({ offset, limit }) => {
            const rows = q ? await searchRows(ctx, viewer.tenantId, q, offset, limit) : [];
            return Promise.all(rows.map(async (r) => (await loadPrincipal(ctx, r))!));
          },
          async () => (q ? countRows(ctx, viewer.tenantId, q) : 0),
        );
      },
  }),
}));

// ------------------------------------------------------------------ the people picker

/** `q` with LIKE's own % and _ (and the escape character) taken literally. */
function literal(q: string) {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One ranked query over users, groups and lists: exact name or email first, then names
 * and emails that start with the query, then a word that starts with it, then any match.
 * Departed users are left out: they can no longer be given anything.
 */
function candidates(ctx: Context, tenantId: string, q: string) {
  const text = literal(q);
  const [anywhere, start, wordStart] = [`%${text}%`, `${text}%`, `% ${text}%`];

  const rank = (nameSql: ReturnType<typeof sql>, emailSql: ReturnType<typeof sql>) =>
    sql<number>`case
      when lower(${nameSql}) = ${q} or lower(${emailSql}) = ${q} then 0
      when lower(${nameSql}) like ${start} or lower(${emailSql}) like ${start} then 1
      when lower(${nameSql}) like ${wordStart} then 2
      else 3 end`;
  const userRows = ctx.db
    .select({
      kind: sql<string>`'USER'`.as('kind'),
      id: users.id,
      name: sql<string>`${users.displayName}`.as('name'),
      rank: rank(sql`${users.displayName}`, sql`${users.email}`).as('rank'),
    })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.status, 'ACTIVE'),
        or(sql`lower(${users.displayName}) like ${anywhere}`, sql`lower(${users.email}) like ${anywhere}`),
      ),
    );
  const groupRows = ctx.db
    .select({
      kind: sql<string>`'GROUP'`.as('kind'),
      id: groups.id,
      name: sql<string>`${groups.displayName}`.as('name'),
      rank: rank(sql`${groups.displayName}`, sql`''`).as('rank'),
    })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), sql`lower(${groups.displayName}) like ${anywhere}`));
  const listRows = ctx.db
    .select({
      kind: sql<string>`'LIST'`.as('kind'),
      id: sharePointLists.id,
      name: sql<string>`${sharePointLists.title}`.as('name'),
      rank: rank(sql`${sharePointLists.title}`, sql`''`).as('rank'),
    })
    .from(sharePointLists)
    .where(and(eq(sharePointLists.tenantId, tenantId), sql`lower(${sharePointLists.title}) like ${anywhere}`));
  return userRows.unionAll(groupRows).unionAll(listRows).as('candidates');
}

async function searchRows(ctx: Context, tenantId: string, q: string, offset: number, limit: number) {
  const c = candidates(ctx, tenantId, q);
  const rows = await ctx.db
    .select({ kind: c.kind, id: c.id })
    .from(c)
    .orderBy(asc(c.rank), asc(sql`lower(${c.name})`), asc(c.id))
    .offset(offset)
    .limit(limit);
  return rows as PrincipalRef[]; // kind is one of the three literals above
}

async function countRows(ctx: Context, tenantId: string, q: string) {
  const c = candidates(ctx, tenantId, q);
  const [row] = await ctx.db.select({ n: count() }).from(c);
  return row!.n;
}
