// Connections as lists: a user's own, newest first. (One connection by id is a DataLoader's,
// src/reads/loaders.ts.)
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connections } from '../db/tables.js';
import { newestFirst } from './pagination.js';

/** The connections holding the user's credentials, in one environment or all of them. */
export function connectionsOwnedBy(db: Db, userId: string, environmentId?: string | null) {
  const mine = and(eq(connections.ownerId, userId), environmentId ? eq(connections.environmentId, environmentId) : undefined);
  return newestFirst(db, connections, mine, 'createdAt');
}
