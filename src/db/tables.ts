// The whole domain as drizzle tables. drizzle-kit generates drizzle/ from this file.
// Ids are UUIDs made by the database; directory objects also keep the directory's own id
// (`external_id`), which is what the JWT `sub` and the directory file speak.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  type ExtraConfigColumn,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
// Millisecond precision, like JavaScript's Date: keyset cursors compare what they were given.
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const tenantCloud = pgEnum('tenant_cloud', ['COMMERCIAL', 'GCC', 'GCC_HIGH', 'DOD']);
export const userKind = pgEnum('user_kind', ['MEMBER', 'GUEST']);
export const userStatus = pgEnum('user_status', ['ACTIVE', 'DEPARTED']);
export const licenseKind = pgEnum('license_kind', ['FREE', 'PREMIUM', 'SEEDED']);
export const environmentRole = pgEnum('environment_role', [
  'ENVIRONMENT_ADMIN',
  'ENVIRONMENT_MAKER',
  'BASIC_USER',
]);
export const connectionStatus = pgEnum('connection_status', ['CONNECTED', 'ERROR']);
export const connectionSource = pgEnum('connection_source', ['EMBEDDED', 'INVOKER']);
export const triggerKind = pgEnum('trigger_kind', ['INSTANT', 'AUTOMATED', 'SCHEDULED']);
export const flowState = pgEnum('flow_state', ['ON', 'OFF', 'SUSPENDED']);
export const suspensionReason = pgEnum('suspension_reason', ['DLP_VIOLATION', 'NO_ACTIVE_OWNER']);
export const principalKind = pgEnum('principal_kind', ['USER', 'GROUP', 'LIST']);
export const runStatus = pgEnum('run_status', ['SUCCEEDED', 'FAILED']);
export const runFailureReason = pgEnum('run_failure_reason', [
  'CONNECTION_OWNER_DEPARTED',
  'CONNECTION_ERROR',
  'INVOKER_CONNECTION_MISSING',
  'CONNECTOR_BLOCKED',
]);
export const connectorClass = pgEnum('connector_class', ['BUSINESS', 'NON_BUSINESS', 'BLOCKED']);
export const accessLevel = pgEnum('access_level', ['NONE', 'RUN_ONLY', 'OWNER', 'ADMIN']);
export const sharingEventKind = pgEnum('sharing_event_kind', [
  'OWNER_ADDED',
  'OWNER_REMOVED',
  'RUN_ONLY_ADDED',
  'RUN_ONLY_REMOVED',
  'PRIMARY_OWNER_CHANGED',
  'COPY_RECEIVED',
  'CONNECTION_SOURCE_CHANGED',
  'FLOW_SUSPENDED',
  'FLOW_DELETED',
  'ACCESS_EXPIRED',
]);

// ------------------------------------------------------------------ directory

export const tenants = pgTable('tenants', {
  id: id(),
  externalId: text('external_id').notNull().unique(),
  displayName: text('display_name').notNull(),
  cloud: tenantCloud('cloud').notNull(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    externalId: text('external_id').notNull().unique(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    displayName: text('display_name').notNull(),
    email: text('email').notNull(),
    kind: userKind('kind').notNull(),
    license: licenseKind('license').notNull(),
    status: userStatus('status').notNull(),
  },
  (t) => [index('users_tenant_idx').on(t.tenantId)],
);

export const groups = pgTable(
  'groups',
  {
    id: id(),
    externalId: text('external_id').notNull().unique(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
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
    id: id(),
    externalId: text('external_id').notNull().unique(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
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
    id: id(),
    externalId: text('external_id').notNull().unique(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
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
  (t) => [
    primaryKey({ columns: [t.environmentId, t.userId] }),
    index('environment_users_user_idx').on(t.userId),
  ],
);

export const connectors = pgTable('connectors', {
  id: id(),
  externalId: text('external_id').notNull().unique(),
  displayName: text('display_name').notNull(),
});

// ------------------------------------------------------------------ flows and connections

export const flows = pgTable(
  'flows',
  {
    id: id(),
    environmentId: uuid('environment_id')
      .notNull()
      .references(() => environments.id),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => users.id),
    primaryOwnerId: uuid('primary_owner_id')
      .notNull()
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    description: text('description'),
    trigger: triggerKind('trigger').notNull(),
    state: flowState('state').notNull(),
    suspensionReason: suspensionReason('suspension_reason'),
    solutionAware: boolean('solution_aware').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    modifiedAt: at('modified_at').notNull().defaultNow(),
  },
  (t) => [
    index('flows_primary_owner_idx').on(t.primaryOwnerId, t.createdAt, t.id),
    index('flows_environment_idx').on(t.environmentId),
    check(
      'flows_suspension_reason_iff_suspended',
      sql`(${t.state} = 'SUSPENDED') = (${t.suspensionReason} IS NOT NULL)`,
    ),
  ],
);

export const connections = pgTable(
  'connections',
  {
    id: id(),
    environmentId: uuid('environment_id')
      .notNull()
      .references(() => environments.id),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    status: connectionStatus('status').notNull().default('CONNECTED'),
    /** S6: created inside this flow, usable in it only. The connection goes with the flow. */
    scopedFlowId: uuid('scoped_flow_id').references(() => flows.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('connections_owner_idx').on(t.ownerId, t.createdAt, t.id),
    index('connections_scoped_flow_idx').on(t.scopedFlowId),
  ],
);

/** A connection slot of a flow. Its usage (EMBEDDED/OTHER, S7) follows from the actions. */
export const connectionReferences = pgTable(
  'connection_references',
  {
    id: id(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => connections.id),
    runOnlySource: connectionSource('run_only_source').notNull().default('EMBEDDED'),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('connection_references_flow_connection_uq').on(t.flowId, t.connectionId),
    index('connection_references_connection_idx').on(t.connectionId),
  ],
);

export const flowActions = pgTable(
  'flow_actions',
  {
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    connectionReferenceId: uuid('connection_reference_id').references(
      () => connectionReferences.id,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.flowId, t.position] }),
    index('flow_actions_reference_idx').on(t.connectionReferenceId),
  ],
);

// A grant goes to exactly one principal: a user, a group or a SharePoint list.
const grantColumns = () => ({
  id: id(),
  flowId: uuid('flow_id')
    .notNull()
    .references(() => flows.id, { onDelete: 'cascade' }),
  principalKind: principalKind('principal_kind').notNull(),
  userId: uuid('user_id').references(() => users.id),
  groupId: uuid('group_id').references(() => groups.id),
  listId: uuid('list_id').references(() => sharePointLists.id),
  addedById: uuid('added_by_id').references(() => users.id),
  addedAt: at('added_at').notNull().defaultNow(),
  expiresAt: at('expires_at'),
});
type GrantTable = Record<
  'flowId' | 'principalKind' | 'userId' | 'groupId' | 'listId' | 'expiresAt',
  ExtraConfigColumn
>;

const grantConstraints = (name: string) => (t: GrantTable) => [
  check(
    `${name}_one_principal`,
    sql`(${t.principalKind} = 'USER' AND ${t.userId} IS NOT NULL AND ${t.groupId} IS NULL AND ${t.listId} IS NULL)
     OR (${t.principalKind} = 'GROUP' AND ${t.groupId} IS NOT NULL AND ${t.userId} IS NULL AND ${t.listId} IS NULL)
     OR (${t.principalKind} = 'LIST' AND ${t.listId} IS NOT NULL AND ${t.userId} IS NULL AND ${t.groupId} IS NULL)`,
  ),
  // One grant per principal per flow.
  uniqueIndex(`${name}_user_uq`).on(t.flowId, t.userId),
  uniqueIndex(`${name}_group_uq`).on(t.flowId, t.groupId),
  uniqueIndex(`${name}_list_uq`).on(t.flowId, t.listId),
  index(`${name}_user_idx`).on(t.userId),
  index(`${name}_group_idx`).on(t.groupId),
  index(`${name}_list_idx`).on(t.listId),
  index(`${name}_expires_idx`).on(t.expiresAt),
];

/** Owners of a flow. The primary owner has a grant too (flows.primary_owner_id says which). */
export const ownerGrants = pgTable('owner_grants', grantColumns(), grantConstraints('owner_grants'));
export const runOnlyGrants = pgTable(
  'run_only_grants',
  grantColumns(),
  grantConstraints('run_only_grants'),
);

/** An independent copy sent to a user (S12): no foreign key to the source, nothing to revoke. */
export const flowCopies = pgTable(
  'flow_copies',
  {
    id: id(),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    description: text('description'),
    trigger: triggerKind('trigger').notNull(),
    /** The snapshot of the definition: actions with the connector each needs. */
    definition: jsonb('definition').notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
    createdFlowId: uuid('created_flow_id').references(() => flows.id, { onDelete: 'set null' }),
  },
  (t) => [index('flow_copies_recipient_idx').on(t.recipientId, t.sentAt, t.id)],
);

export const flowRuns = pgTable(
  'flow_runs',
  {
    id: id(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    invokerId: uuid('invoker_id')
      .notNull()
      .references(() => users.id),
    status: runStatus('status').notNull(),
    startedAt: at('started_at').notNull().defaultNow(),
  },
  (t) => [index('flow_runs_flow_idx').on(t.flowId, t.startedAt, t.id)],
);

export const runFailures = pgTable(
  'run_failures',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => flowRuns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    actionName: text('action_name').notNull(),
    reason: runFailureReason('reason').notNull(),
    connectionId: uuid('connection_id').references(() => connections.id),
  },
  (t) => [primaryKey({ columns: [t.runId, t.position] })],
);

// ------------------------------------------------------------------ governance

/** DLP per environment; a connector not listed is NON_BUSINESS. */
export const dlpClassifications = pgTable(
  'dlp_classifications',
  {
    environmentId: uuid('environment_id')
      .notNull()
      .references(() => environments.id, { onDelete: 'cascade' }),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id),
    class: connectorClass('class').notNull(),
  },
  (t) => [primaryKey({ columns: [t.environmentId, t.connectorId] })],
);

// ------------------------------------------------------------------ the sharing log

/**
 * The durable sharing log, written in the transaction of the change it records.
 * No foreign key to flows: an event outlives the flow it speaks of (FLOW_DELETED).
 */
export const sharingEvents = pgTable(
  'sharing_events',
  {
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    kind: sharingEventKind('kind').notNull(),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    environmentId: uuid('environment_id')
      .notNull()
      .references(() => environments.id),
    flowId: uuid('flow_id').notNull(),
    flowDisplayName: text('flow_display_name').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorRole: accessLevel('actor_role').notNull(),
    principalKind: principalKind('principal_kind'),
    principalId: uuid('principal_id'),
    copyId: uuid('copy_id').references(() => flowCopies.id),
  },
  (t) => [
    index('sharing_events_environment_idx').on(t.environmentId, t.position),
    index('sharing_events_flow_idx').on(t.flowId, t.position),
    index('sharing_events_occurred_idx').on(t.occurredAt),
  ],
);

/** Who an event is addressed to, expanded to users at the time of the change. */
export const sharingEventRecipients = pgTable(
  'sharing_event_recipients',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: bigint('position', { mode: 'number' })
      .notNull()
      .references(() => sharingEvents.position, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.position] })],
);
