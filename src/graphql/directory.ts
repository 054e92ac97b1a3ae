// The directory as the API shows it: tenants, users, groups, SharePoint lists, the
// people picker. Everything is scoped to the viewer's tenant (S20).
import { brandWithType } from '@pothos/core';
import { licenseKind, tenantCloud, userKind, userStatus } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';
import { whenKnown } from '../reads/batching.js';
import { editorsOfList, membersOfGroup, searchPrincipals } from '../reads/directory.js';
import type { GroupRow, ListRow } from '../reads/loaders.js';
import type { UserRow } from '../sharing/access.js';
import { builder } from './builder.js';
import { requireViewer, type Context } from './context.js';
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

export const Group = GroupRef;
builder.node(GroupRef, {
  id: { resolve: (g) => g.id },
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    displayName: t.exposeString('displayName'),
    members: t.field({
      type: UserConnection,
      args: t.arg.connectionArgs(),
      resolve: (g, args, ctx) => offsetPage(args, membersOfGroup(ctx.db, g.id)),
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
      resolve: (l, args, ctx) => offsetPage(args, editorsOfList(ctx.db, l.id)),
    }),
  }),
});

export const Principal = builder.unionType('Principal', {
  types: [User, Group, SharePointList],
});

/** Loads a principal for a union position, branded with its type; null if gone or foreign. */
export function loadPrincipal(ctx: Context, ref: PrincipalRef): MaybePromise<UserRow | GroupRow | ListRow | null> {
  const loader = ref.kind === 'USER' ? ctx.loaders.user : ref.kind === 'GROUP' ? ctx.loaders.group : ctx.loaders.list;
  // At once when the loader knows the row (a page names the same principals many times).
  return whenKnown(loader.now(ref.id) as MaybePromise<UserRow | GroupRow | ListRow | null>, (row) => {
    if (!row || row.tenantId !== ctx.viewer?.tenantId) return null;
    brandWithType(row, ref.kind === 'USER' ? User : ref.kind === 'GROUP' ? Group : SharePointList);
    return row;
  });
}
type MaybePromise<T> = T | Promise<T>;

const PrincipalConnection = builder.connectionObject({ type: Principal, name: 'PrincipalConnection' }, { name: 'PrincipalEdge' });

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
      const found = searchPrincipals(ctx.db, requireViewer(ctx).tenantId, args.query);
      return offsetPage(args, {
        page: async (page) => Promise.all((await found.page(page)).map(async (r) => (await loadPrincipal(ctx, r))!)),
        count: found.count,
      });
    },
  }),
}));
