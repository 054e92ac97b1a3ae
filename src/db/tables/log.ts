// The sharing log and who each event is addressed to.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns.js';
import { principalKind, accessLevel, sharingEventKind } from './enums.js';
import { tenants, users, environments } from './directory.js';
import { flowCopies } from './flows.js';

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
    /** The connection the event is about (CONNECTION_NEEDS_ATTENTION). No foreign key: the event outlives it. */
    connectionId: uuid('connection_id'),
    /**
     * Who could follow the flow's stream when the event committed (S28): its owners and its
     * environment's admins as users, decided in the event's transaction. Null on events
     * written before it was recorded (their streams fall back to a check at delivery).
     */
    watchers: uuid('watchers').array(),
    /** Of those, the environment's admins then: who may see it in environmentSharingEvents. */
    admins: uuid('admins').array(),
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
  (t) => [
    primaryKey({ columns: [t.userId, t.position] }),
    // The feed reads every new event's recipients by position, and pruning the log deletes them
    // by position (the cascade): without it, both scan the whole table.
    index('sharing_event_recipients_position_idx').on(t.position),
  ],
);

/**
 * How far the log has been pruned (one row, written by the retention job): a cursor before
 * `prunedThrough` can't resume without a gap, so subscribing from it is refused.
 */
export const sharingLogHorizon = pgTable(
  'sharing_log_horizon',
  {
    id: smallint('id').primaryKey().default(1),
    prunedThrough: bigint('pruned_through', { mode: 'number' }).notNull(),
    prunedAt: at('pruned_at').notNull(),
  },
  (t) => [check('sharing_log_horizon_one_row', sql`${t.id} = 1`)],
);

/**
 * The directory's version (one row): moved in the transaction of every directory change that
 * may end someone's access (a departure, by import or SCIM), and read by each process's poll
 * of the log, so every process re-checks its subscribers then (S26, src/events/directory.ts).
 */
export const directoryVersion = pgTable(
  'directory_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (t) => [check('directory_version_one_row', sql`${t.id} = 1`)],
);
