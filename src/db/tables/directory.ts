// Tenants, users, groups, SharePoint lists, environments and connectors: the directory.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns.js';
import { tenantCloud, userKind, userStatus, licenseKind, environmentRole } from './enums.js';

export const tenants = pgTable('tenants', {
  id: id(),
  externalId: text('external_id').notNull().unique(),
  displayName: text('display_name').notNull(),
  cloud: tenantCloud('cloud').notNull(),
});

/** What every directory object of a tenant has: our id, the directory's id, its tenant. */
const inTenant = () => ({
  id: id(),
  externalId: text('external_id').notNull().unique(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
});

export const users = pgTable(
  'users',
  {
    ...inTenant(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull(),
    kind: userKind('kind').notNull(),
    license: licenseKind('license').notNull(),
    status: userStatus('status').notNull(),
    /**
     * When the identity provider deleted the user (SCIM DELETE): they are DEPARTED and no
     * longer a SCIM resource. A later create with their userName, or a directory import that
     * names them, brings them back (null again).
     */
    removedAt: at('removed_at'),
  },
  (t) => [
    index('users_tenant_idx').on(t.tenantId),
    // SCIM looks users up by userName (the email), case-insensitively, within a tenant.
    index('users_tenant_email_idx').on(t.tenantId, sql`lower(${t.email})`),
  ],
);

export const groups = pgTable(
  'groups',
  {
    ...inTenant(),
    displayName: text('display_name').notNull(),
  },
  (t) => [index('groups_tenant_idx').on(t.tenantId)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)],
);

export const sharePointLists = pgTable(
  'sharepoint_lists',
  {
    ...inTenant(),
    title: text('title').notNull(),
    siteUrl: text('site_url').notNull(),
  },
  (t) => [index('sharepoint_lists_tenant_idx').on(t.tenantId)],
);

/** A list editor is a user or a group (whose members then edit the list). */
export const listEditors = pgTable(
  'list_editors',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => sharePointLists.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
  },
  (t) => [
    check('list_editors_one_principal', sql`num_nonnulls(${t.userId}, ${t.groupId}) = 1`),
    uniqueIndex('list_editors_user_uq').on(t.listId, t.userId),
    uniqueIndex('list_editors_group_uq').on(t.listId, t.groupId),
    index('list_editors_user_idx').on(t.userId),
    index('list_editors_group_idx').on(t.groupId),
  ],
);

export const environments = pgTable(
  'environments',
  {
    ...inTenant(),
    displayName: text('display_name').notNull(),
    isDefault: boolean('is_default').notNull(),
    securityGroupId: uuid('security_group_id').references(() => groups.id),
  },
  (t) => [
    index('environments_tenant_idx').on(t.tenantId),
    // One default environment per tenant, as in Power Platform.
    uniqueIndex('environments_one_default_uq').on(t.tenantId).where(sql`${t.isDefault}`),
  ],
);

/** A user known to an environment (its Dataverse), with a role or, added by sharing (S14), none. */
export const environmentUsers = pgTable(
  'environment_users',
  {
    environmentId: uuid('environment_id')
      .notNull()
      .references(() => environments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: environmentRole('role'),
  },
  (t) => [primaryKey({ columns: [t.environmentId, t.userId] }), index('environment_users_user_idx').on(t.userId)],
);

export const connectors = pgTable('connectors', {
  id: id(),
  externalId: text('external_id').notNull().unique(),
  displayName: text('display_name').notNull(),
});
