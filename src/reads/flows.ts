// The viewer's flow lists: My flows, Team flows and Run-only flows, each newest first and
// optionally within one environment. Who a grant reaches is src/reads/visibility.ts's.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { flows, ownerGrants, runOnlyGrants } from '../db/tables.js';
import type { Memberships } from '../sharing/access.js';
import { newestFirst } from './pagination.js';
import { grantedTo } from './visibility.js';

/** No environment given: every environment. */
const inEnvironment = (environmentId?: string | null) => (environmentId ? eq(flows.environmentId, environmentId) : undefined);

/** Flows the user is the primary owner of. */
export function flowsOwnedBy(db: Db, userId: string, environmentId?: string | null) {
  return newestFirst(db, flows, and(eq(flows.primaryOwnerId, userId), inEnvironment(environmentId)), 'createdAt');
}

/**
 * Flows the user co-owns through a live grant (directly, through a group or a list) inside
 * their environment, but is not the primary owner of: those are flowsOwnedBy's.
 */
export function flowsCoOwnedBy(db: Db, userId: string, memberships: Memberships, environmentId?: string | null) {
  const filter = and(grantedTo(db, ownerGrants, userId, memberships), ne(flows.primaryOwnerId, userId), inEnvironment(environmentId));
  return newestFirst(db, flows, filter, 'createdAt');
}

/** Flows shared with the user run-only through a live grant, inside their environment. */
export function flowsRunnableBy(db: Db, userId: string, memberships: Memberships, environmentId?: string | null) {
  const filter = and(grantedTo(db, runOnlyGrants, userId, memberships), inEnvironment(environmentId));
  return newestFirst(db, flows, filter, 'createdAt');
}
