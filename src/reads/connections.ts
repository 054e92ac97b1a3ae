// Connections as lists: a user's own, newest first; and connections by id with their
// connectors, for the loaders (src/reads/loaders.ts).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connections, connectors } from '../db/tables.js';
import { newestFirst } from './pagination.js';
import { plainRows, tableName, tableReader } from './plain.js';

/** The connections holding the user's credentials, in one environment or all of them. */
export function connectionsOwnedBy(db: Db, userId: string, environmentId?: string | null) {
  const mine = and(eq(connections.ownerId, userId), environmentId ? eq(connections.environmentId, environmentId) : undefined);
  return newestFirst(db, connections, mine, 'createdAt');
}

const connectionReader = tableReader(connections, 'c.');
const connectorReader = tableReader(connectors, 'k.');
// Prepared, ids as one array parameter (src/reads/plain.ts): every page of flows in depth runs it.
const CONNECTIONS_SQL = `select ${connectionReader.columns('c')}, ${connectorReader.columns('k')}
  from ${tableName(connections)} c inner join ${tableName(connectors)} k on k.id = c.connector_id
  where c.id = any($1::uuid[])`;

/** Connections by id, each with its connector (a few columns, once per connection): one statement. */
export async function connectionsWithConnectors(db: Db, ids: string[]) {
  const rows = await plainRows<Record<string, unknown>>(db, 'connections_with_connectors', CONNECTIONS_SQL, [ids]);
  return rows.map((row) => ({ connection: connectionReader.read(row), connector: connectorReader.read(row) }));
}
