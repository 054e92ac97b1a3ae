// Governance: DLP classifications per environment.
import { pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { connectorClass } from './enums.js';
import { environments, connectors } from './directory.js';

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
