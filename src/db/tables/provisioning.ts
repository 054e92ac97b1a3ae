// How the directory is provisioned: SCIM clients' tokens, and the record of every directory
// change (who changed what, when: issue 16 item 6).
import { bigserial, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns.js';
import { tenants } from './directory.js';

/** Tokens made by `npm run directory -- scim-token`: only their SHA-256 digest is kept. */
export const scimTokens = pgTable('scim_tokens', {
  id: id(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  digest: text('digest').notNull().unique(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * One row per directory change, written in the change's transaction. `source` is SCIM or
 * IMPORT; `credential` names the SCIM token (a stored token's id, or `env:` and the first
 * characters of a configured token's digest), never the token itself.
 */
export const directoryChanges = pgTable(
  'directory_changes',
  {
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    source: text('source').notNull(),
    credential: text('credential'),
    action: text('action').notNull(),
    resourceKind: text('resource_kind').notNull(),
    resourceId: uuid('resource_id'),
    detail: text('detail').notNull(),
  },
  (t) => [index('directory_changes_tenant_idx').on(t.tenantId, t.position)],
);
