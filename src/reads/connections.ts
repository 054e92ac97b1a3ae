// Connections as lists: a user's own, newest first; and connections by id with their
// connectors, for the loaders (src/reads/loaders.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connections, connectors } from '../db/tables.js';
import { newestFirst } from './pagination.js';

/** The connections holding the user's credentials, in one environment or all of them. */
export function connectionsOwnedBy(db: Db, userId: string, environmentId?: string | null) {
  const mine = and(eq(connections.ownerId, userId), environmentId ? eq(connections.environmentId, environmentId) : undefined);
  return newestFirst(db, connections, mine, 'createdAt');
}

/** Connections by id, each with its connector (a few columns, once per connection): one statement. */
export function connectionsWithConnectors(db: Db, ids: string[]) {
  return db
    .select({ connection: connections, connector: connectors })
    .from(connections)
    .innerJoin(connectors, eq(connectors.id, connections.connectorId))
    .where(inArray(connections.id, ids));
}
