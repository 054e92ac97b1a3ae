// Flows, their connections, actions, grants, copies and runs.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  type ExtraConfigColumn,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, at } from './columns.js';
import {
  connectionStatus,
  connectionSource,
  triggerKind,
  flowState,
  suspensionReason,
  principalKind,
  runStatus,
  runFailureReason,
} from './enums.js';
import { users, groups, sharePointLists, environments, connectors } from './directory.js';

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
    // Flow lists' orders and search (src/reads/flow-filter.ts, which writes the same
    // expressions): an environment's inventory by each order, and trigram search over the
    // case-folded name and description. fold_case() is migration 0009's.
    index('flows_environment_created_idx').on(t.environmentId, t.createdAt, t.id),
    index('flows_environment_modified_idx').on(t.environmentId, t.modifiedAt, t.id),
    index('flows_environment_name_idx').on(t.environmentId, sql`(fold_case(${t.displayName}) COLLATE "C")`, t.id),
    index('flows_search_idx').using('gin', sql`fold_case(${t.displayName} || ' ' || coalesce(${t.description}, '')) gin_trgm_ops`),
    check('flows_suspension_reason_iff_suspended', sql`(${t.state} = 'SUSPENDED') = (${t.suspensionReason} IS NOT NULL)`),
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
  (t) => [index('connections_owner_idx').on(t.ownerId, t.createdAt, t.id), index('connections_scoped_flow_idx').on(t.scopedFlowId)],
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
    // Not unique: an imported package keeps each reference apart, and one connection of the
    // importer's serves every reference of its connector (src/sharing/packages.ts).
    index('connection_references_flow_connection_idx').on(t.flowId, t.connectionId),
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
    connectionReferenceId: uuid('connection_reference_id').references(() => connectionReferences.id),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.position] }), index('flow_actions_reference_idx').on(t.connectionReferenceId)],
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
  /** When the expiry sweeper logged ACCESS_EXPIRED for this grant (S19); null until then. */
  expiryReportedAt: at('expiry_reported_at'),
});
type GrantTable = Record<'flowId' | 'principalKind' | 'userId' | 'groupId' | 'listId' | 'expiresAt', ExtraConfigColumn>;

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
export const runOnlyGrants = pgTable('run_only_grants', grantColumns(), grantConstraints('run_only_grants'));

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
  (t) => [
    index('flow_copies_recipient_idx').on(t.recipientId, t.sentAt, t.id),
    index('flow_copies_sender_idx').on(t.senderId, t.sentAt, t.id),
  ],
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
  (t) => [
    index('flow_runs_flow_idx').on(t.flowId, t.startedAt, t.id),
    // flowUsage (src/reads/usage.ts): a flow's runs in a period, read from the index alone.
    // Runs have no environment column; the environment's flows (flows_environment_idx) lead here.
    index('flow_runs_usage_idx').on(t.flowId, t.startedAt, t.invokerId, t.status),
  ],
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
